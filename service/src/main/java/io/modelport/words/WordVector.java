package io.modelport.words;

/**
 * A word's vector.
 *
 * @param model the model name
 * @param version the version that answered
 * @param word the word as the vocabulary spells it (cased as the model was trained)
 * @param inVocabulary {@code false} when the vector is the model's
 * {@value Vocabulary#UNK} vector
 * @param dimension the vector length
 * @param vector the vector, as stored (not normalised)
 * @author Modelport Team
 */
public record WordVector(String model, int version, String word, boolean inVocabulary, int dimension, float[] vector) {

}
