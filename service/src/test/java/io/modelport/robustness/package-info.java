/**
 * Robustness: limits, path traversal, seeded fuzzing of every endpoint, fault injection
 * (a killed worker, a full disk, a corrupted model, a restarted service, a lost database)
 * and the soak and load harness.
 */
package io.modelport.robustness;
