/**
 * Face verification: embeddings, distances, thresholds and galleries.
 */
package io.modelport.faces;
