package io.modelport.words;

/**
 * One result of a nearest-neighbour search.
 *
 * @param word the word
 * @param index its row in the embedding matrix
 * @param score the cosine similarity to the query, in [-1, 1]
 * @author Modelport Team
 */
public record Neighbour(String word, int index, double score) {

}
