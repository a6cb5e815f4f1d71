/**
 * Micrometer meters of the inference path ({@code modelport.*}) and of the process
 * memory.
 */
package io.modelport.metrics;
