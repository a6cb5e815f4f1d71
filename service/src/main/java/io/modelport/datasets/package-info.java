/**
 * Datasets that training jobs train on: the built-in Fashion-MNIST and uploaded sets.
 */
package io.modelport.datasets;
