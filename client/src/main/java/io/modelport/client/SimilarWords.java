package io.modelport.client;

import java.util.List;

/**
 * The nearest words of a word.
 *
 * @param model the model
 * @param version the version that answered
 * @param word the word asked about
 * @param neighbours its nearest words, nearest first
 * @author Modelport Team
 */
public record SimilarWords(String model, int version, String word, List<ScoredWord> neighbours) {

}
