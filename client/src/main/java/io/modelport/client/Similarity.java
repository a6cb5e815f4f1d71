package io.modelport.client;

/**
 * The cosine similarity of two words.
 *
 * @param model the model
 * @param version the version that answered
 * @param a the first word
 * @param b the second word
 * @param similarity their cosine similarity
 * @author Modelport Team
 */
public record Similarity(String model, int version, String a, String b, double similarity) {

}
