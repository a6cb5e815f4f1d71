package io.modelport.client;

/**
 * A word's vector.
 *
 * @param model the model
 * @param version the version that answered
 * @param word the word
 * @param inVocabulary whether the model knows it
 * @param dimension the vector length
 * @param vector the vector
 * @author Modelport Team
 */
public record WordVector(String model, int version, String word, boolean inVocabulary, int dimension, float[] vector) {

}
