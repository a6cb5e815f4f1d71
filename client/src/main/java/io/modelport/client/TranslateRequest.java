package io.modelport.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A translation request: one {@code text} or several {@code texts}; {@code null} options
 * take the model's defaults.
 *
 * @param text one text
 * @param texts several texts, translated as a batch
 * @param beamWidth the beam width (1 = greedy)
 * @param lengthNormalization the length normalisation exponent
 * @param maxLength the longest output
 * @param numAlternatives the alternatives to answer besides the best
 * @param returnAttention whether to answer the attention matrix
 * @param version the model version, {@code null} for the default
 * @author Modelport Team
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranslateRequest(String text, List<String> texts, Integer beamWidth, Double lengthNormalization,
		Integer maxLength, Integer numAlternatives, Boolean returnAttention, Integer version) {

	/**
	 * A request for one text with the model's defaults.
	 * @param text the text
	 * @return the request
	 */
	public static TranslateRequest of(String text) {
		return new TranslateRequest(text, null, null, null, null, null, null, null);
	}

	/**
	 * A request for several texts with the model's defaults.
	 * @param texts the texts
	 * @return the request
	 */
	public static TranslateRequest of(List<String> texts) {
		return new TranslateRequest(null, texts, null, null, null, null, null, null);
	}

}
