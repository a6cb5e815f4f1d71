package io.modelport.seq2seq.training;

/**
 * One training example: a source text and its translation.
 *
 * @param source the input text
 * @param target the expected output text
 * @author Modelport Team
 */
public record SequencePair(String source, String target) {

}
