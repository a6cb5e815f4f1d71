package io.modelport.words;

import java.util.List;

/**
 * A text embedded as the mean vector of its known words.
 *
 * @param model the model name
 * @param version the version that answered
 * @param tokens how many tokens the model's tokenizer found
 * @param knownTokens how many of them are in the vocabulary (and averaged)
 * @param unknownTokens the tokens left out
 * @param dimension the vector length
 * @param vector the mean vector
 * @author Modelport Team
 */
public record TextEmbedding(String model, int version, int tokens, int knownTokens, List<String> unknownTokens,
		int dimension, float[] vector) {

}
