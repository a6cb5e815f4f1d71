/**
 * The training toolkit below the tasks: the TrainingTask plug-in SPI and its registry,
 * settings, the one epoch loop every trainer runs (keep-best, patience, checkpoints),
 * data splits and publishing.
 */
package io.modelport.training;
