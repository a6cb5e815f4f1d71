/**
 * Modelport, a model server for DJL/PyTorch models.
 */
package io.modelport;
