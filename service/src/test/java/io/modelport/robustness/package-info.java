/**
 * Robustness: fault-injection tests (a killed worker, a full disk, a corrupted model, a
 * crashed or restarted service, a lost database) and the soak and load harness.
 */
package io.modelport.robustness;
