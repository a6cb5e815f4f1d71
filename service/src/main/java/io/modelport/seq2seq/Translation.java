package io.modelport.seq2seq;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One translated input.
 *
 * @param input the input text
 * @param output the best output
 * @param score its length-normalised score (1/T^α) Σ log P
 * @param logProbability its sequence log-probability Σ log P, {@code <EOS>} included when
 * finished
 * @param lowConfidence whether {@code score} is below the version's measured
 * {@code lowConfidenceScore} parameter, or the maximum length cut the output: the answer
 * is likely wrong or the input out of the model's domain (docs/out-of-domain.md gives the
 * measured error rates); absent when the version has no measured threshold
 * @param finished {@code false} when the maximum length cut it before {@code <EOS>}
 * @param unknownSymbols how many input symbols the model did not know (read as
 * {@code <UNK>}, as in training)
 * @param alternatives the best hypotheses, the output first
 * @param attention when asked for: one row per output symbol ({@code <EOS>} included when
 * generated), one column per input symbol, each row summing to 1
 * @param inputSymbols when attention is returned: the column labels
 * @param outputSymbols when attention is returned: the row labels
 * @author Modelport Team
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Translation(String input, String output, double score, double logProbability, Boolean lowConfidence,
		boolean finished, int unknownSymbols, List<Alternative> alternatives, List<float[]> attention,
		List<String> inputSymbols, List<String> outputSymbols) {

	/**
	 * One hypothesis.
	 *
	 * @param output the output text
	 * @param score its length-normalised score
	 * @param finished whether it ended with {@code <EOS>}
	 */
	public record Alternative(String output, double score, boolean finished) {

	}

}
