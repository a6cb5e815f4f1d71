/**
 * Word embeddings: vocabulary, tokenization, cosine neighbours, analogies and the
 * word2vec file formats.
 */
package io.modelport.words;
