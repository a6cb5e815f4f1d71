package io.modelport.words;

/**
 * A word found by a search, with its cosine similarity to the query.
 *
 * @param word the word
 * @param score the cosine similarity
 * @author Modelport Team
 */
public record ScoredWord(String word, double score) {

}
