/**
 * Robustness: limits, path traversal and seeded fuzzing of every endpoint of the running
 * service.
 */
package io.modelport.robustness;
