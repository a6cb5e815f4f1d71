package io.modelport.client;

import java.util.List;

/**
 * One translated text.
 *
 * @param input the input text
 * @param output the best output
 * @param score its log-probability (length-normalised)
 * @param finished whether it ended with end-of-sequence rather than the length limit
 * @param unknownSymbols the input symbols the model did not know
 * @param alternatives the best outputs, best first
 * @param attention the attention matrix when asked for (rows: output symbols)
 * @param inputSymbols the input symbols, when attention was asked for
 * @param outputSymbols the output symbols, when attention was asked for
 * @author Modelport Team
 */
public record Translation(String input, String output, double score, boolean finished, int unknownSymbols,
		List<Alternative> alternatives, List<float[]> attention, List<String> inputSymbols,
		List<String> outputSymbols) {

	/**
	 * An alternative output.
	 *
	 * @param output the output
	 * @param score its score
	 * @param finished whether it ended with end-of-sequence
	 * @author Modelport Team
	 */
	public record Alternative(String output, double score, boolean finished) {

	}

}
