package io.modelport.words;

import java.util.List;

/**
 * The mean embedding of a sentence's tokens.
 *
 * @param vector the mean of the known tokens' vectors, a zero vector when none is known
 * @param knownTokens how many tokens contributed
 * @param unknownTokens the tokens that were not in the vocabulary and were left out, in
 * order, repeats kept
 * @author Modelport Team
 */
public record MeanVector(float[] vector, int knownTokens, List<String> unknownTokens) {

	public MeanVector {
		unknownTokens = List.copyOf(unknownTokens);
	}

}
