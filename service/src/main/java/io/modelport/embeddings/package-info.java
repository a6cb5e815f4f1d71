/**
 * Vector arithmetic shared by face embeddings and word vectors: norms, unit vectors and
 * squared distances.
 */
package io.modelport.embeddings;
