/**
 * Training a classifier: the trainer, its descriptor and report, and its training task.
 */
package io.modelport.classification.training;
