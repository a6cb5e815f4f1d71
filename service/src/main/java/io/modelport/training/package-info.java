/**
 * The training toolkit below the tasks: the TrainingTask plug-in SPI and its registry,
 * settings, checkpoints, data splits and publishing.
 */
package io.modelport.training;
