package io.modelport.client;

/**
 * A word and its cosine similarity.
 *
 * @param word the word
 * @param score its score
 * @author Modelport Team
 */
public record ScoredWord(String word, double score) {

}
