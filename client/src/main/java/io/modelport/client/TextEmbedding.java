package io.modelport.client;

import java.util.List;

/**
 * A text embedded as the mean vector of its known words.
 *
 * @param model the model
 * @param version the version that answered
 * @param tokens the tokens in the text
 * @param knownTokens the tokens the model knows
 * @param unknownTokens the tokens it does not
 * @param dimension the vector length
 * @param vector the mean vector
 * @author Modelport Team
 */
public record TextEmbedding(String model, int version, int tokens, int knownTokens, List<String> unknownTokens,
		int dimension, float[] vector) {

}
