package io.modelport.seq2seq;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a translation request. A single {@code text} answers its translation's
 * fields at the top level ({@code output}, {@code score}, {@code alternatives}, ...); a
 * batch of {@code texts} answers {@code translations}, one per input, in order.
 *
 * @param model the model name
 * @param version the version that answered
 * @param translation the translation of a single text, {@code null} for a batch
 * @param translations the translations of a batch, {@code null} for a single text
 * @author Modelport Team
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranslationResponse(String model, int version, @JsonUnwrapped Translation translation,
		List<Translation> translations) {

}
