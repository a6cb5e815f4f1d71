package io.modelport.seq2seq;

import java.util.List;

/**
 * A translation request: one {@code text} or a batch of {@code texts}, and optional
 * decoding settings (the model's defaults otherwise).
 *
 * @param text the input, for a single translation
 * @param texts the inputs, for a batch
 * @param beamWidth B, 1 for greedy decoding
 * @param lengthNormalization α in [0, 1]
 * @param maxLength the most output symbols, {@code <EOS>} included
 * @param numAlternatives how many hypotheses to return, at most B
 * @param returnAttention whether to return the attention matrix
 * @param version the model version, {@code null} for the default
 * @author Modelport Team
 */
public record TranslateRequest(String text, List<String> texts, Integer beamWidth, Double lengthNormalization,
		Integer maxLength, Integer numAlternatives, Boolean returnAttention, Integer version) {

}
