package io.modelport.words;

import java.util.List;

/**
 * The nearest words to a word.
 *
 * @param model the model name
 * @param version the version that answered
 * @param word the query word, as the vocabulary spells it
 * @param neighbours the nearest other words, by falling cosine similarity
 * @author Modelport Team
 */
public record SimilarWords(String model, int version, String word, List<ScoredWord> neighbours) {

}
