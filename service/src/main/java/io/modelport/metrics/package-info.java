/**
 * Micrometer meters of the inference path, named {@code modelport.*}.
 */
package io.modelport.metrics;
