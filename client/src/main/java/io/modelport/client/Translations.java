package io.modelport.client;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/models/{model}/translate}: the server answers one
 * text's translation inline and several as {@code translations}; {@link #all()} gives
 * both as a list.
 *
 * @param model the model
 * @param version the version that answered
 * @param input the input, for one text
 * @param output the best output, for one text
 * @param score its score, for one text
 * @param finished whether it finished, for one text
 * @param unknownSymbols the unknown input symbols, for one text
 * @param alternatives the alternatives, for one text
 * @param attention the attention matrix, for one text when asked for
 * @param inputSymbols the input symbols, for one text when attention was asked for
 * @param outputSymbols the output symbols, for one text when attention was asked for
 * @param translations the translations, for several texts
 * @author Modelport Team
 */
public record Translations(String model, int version, String input, String output, Double score, Boolean finished,
		Integer unknownSymbols, List<Translation.Alternative> alternatives, List<float[]> attention,
		List<String> inputSymbols, List<String> outputSymbols, List<Translation> translations) {

	/**
	 * Every translation, in the order of the texts.
	 * @return the translations
	 */
	public List<Translation> all() {
		if (this.translations != null) {
			return this.translations;
		}
		return List.of(new Translation(this.input, this.output, (this.score != null) ? this.score : Double.NaN,
				Boolean.TRUE.equals(this.finished), (this.unknownSymbols != null) ? this.unknownSymbols : 0,
				this.alternatives, this.attention, this.inputSymbols, this.outputSymbols));
	}

}
