package io.modelport.words;

/**
 * The cosine similarity of two words.
 *
 * @param model the model name
 * @param version the version that answered
 * @param a the first word, as the vocabulary spells it
 * @param b the second word, as the vocabulary spells it
 * @param similarity cos(e_a, e_b), in [-1, 1]
 * @author Modelport Team
 */
public record Similarity(String model, int version, String a, String b, double similarity) {

}
