package io.modelport.seq2seq;

import java.util.List;

/**
 * One decoded output.
 *
 * @param tokens the output ids, without {@code <EOS>}
 * @param logProbability Σ log P over the generated tokens ({@code <EOS>} included when
 * finished)
 * @param score the length-normalised score (1/T^α) · logProbability, T the number of
 * generated tokens
 * @param finished {@code true} when it ended with {@code <EOS>}, {@code false} when the
 * maximum length cut it
 * @param attention one row of input weights per generated token, empty when the model has
 * no attention
 * @author Modelport Team
 */
public record Hypothesis(int[] tokens, double logProbability, double score, boolean finished, List<float[]> attention) {

	public Hypothesis {
		attention = List.copyOf(attention);
	}

}
