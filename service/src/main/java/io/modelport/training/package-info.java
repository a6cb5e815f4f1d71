/**
 * Training models with DJL: data sets, the training loop and publishing new versions.
 */
package io.modelport.training;
