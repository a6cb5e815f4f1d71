package io.modelport.seq2seq;

import java.util.Map;

import io.modelport.store.InvalidModelException;

/**
 * The task parameters of a {@code seq2seq} descriptor: how text splits into symbols on
 * each side, the length limits the model was trained for, the default decoding and where
 * the vocabularies are.
 *
 * @param sourceLevel how input text splits into symbols
 * @param targetLevel how output symbols join into text
 * @param maxInputLength the most input symbols a request may send
 * @param maxOutputLength the most output symbols, {@code <EOS>} included
 * @param beamWidth the default beam width (1 = greedy)
 * @param lengthNormalization the default α
 * @param sourceSymbolsFile the source vocabulary file, next to the weights
 * @param targetSymbolsFile the target vocabulary file, next to the weights
 * @author Modelport Team
 */
public record TranslatorSettings(SymbolVocabulary.Level sourceLevel, SymbolVocabulary.Level targetLevel,
		int maxInputLength, int maxOutputLength, int beamWidth, double lengthNormalization, String sourceSymbolsFile,
		String targetSymbolsFile) {

	/**
	 * Reads the settings from descriptor parameters.
	 * @param parameters the descriptor's task parameters
	 * @return the settings
	 * @throws InvalidModelException when a value is missing or out of range
	 */
	public static TranslatorSettings fromParameters(Map<String, Object> parameters) {
		try {
			TranslatorSettings settings = new TranslatorSettings(
					SymbolVocabulary.Level.fromId(text(parameters, "sourceLevel", "character")),
					SymbolVocabulary.Level.fromId(text(parameters, "targetLevel", "character")),
					positive(parameters, "maxInputLength", null), positive(parameters, "maxOutputLength", null),
					positive(parameters, "beamWidth", 1), number(parameters, "lengthNormalization", 0.7),
					text(parameters, "sourceSymbolsFile", "source.symbols"),
					text(parameters, "targetSymbolsFile", "target.symbols"));
			settings.defaults();
			return settings;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException("seq2seq parameters: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The decoding a request gets when it sets nothing.
	 * @return greedy or beam search per the descriptor, one alternative
	 */
	public BeamSettings defaults() {
		return new BeamSettings(this.beamWidth, this.lengthNormalization, this.maxOutputLength, 1);
	}

	private static String text(Map<String, Object> parameters, String key, String fallback) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof String string) || string.isEmpty()) {
			throw new IllegalArgumentException(key + " must be a non-empty string, was '" + value + "'");
		}
		return string;
	}

	private static int positive(Map<String, Object> parameters, String key, Integer fallback) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof Integer number) || number < 1) {
			throw new IllegalArgumentException(key + " must be a positive integer, was '" + value + "'");
		}
		return number;
	}

	private static double number(Map<String, Object> parameters, String key, double fallback) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
		}
		return number.doubleValue();
	}

}
