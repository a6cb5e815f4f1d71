package io.modelport.words.training;

/**
 * One skip-gram training example: the center word predicts a word in its window.
 *
 * @param center the row of the center (input) word
 * @param context the row of the context (output) word
 * @author Modelport Team
 */
public record SkipGramPair(int center, int context) {

}
