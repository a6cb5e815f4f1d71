package io.modelport.words;

import java.util.LinkedHashMap;
import java.util.Map;

import io.modelport.store.InvalidModelException;

/**
 * The task parameters of a {@code word2vec} descriptor: how queries are tokenized (as the
 * model was trained) and the sizes the vector file must have, checked when it loads.
 *
 * @param tokenizer the casing and token pattern of the training corpus
 * @param dimension the vector length D, 0 when the descriptor leaves it to the file
 * @param vocabularySize the number of words V, 0 when the descriptor leaves it to the
 * file
 * @author Modelport Team
 */
public record WordModelSettings(TokenizerSettings tokenizer, int dimension, int vocabularySize) {

	static final String DIMENSION = "dimension";

	static final String VOCABULARY_SIZE = "vocabularySize";

	/**
	 * Reads the settings from descriptor parameters.
	 * @param parameters the descriptor's task parameters
	 * @return the settings
	 * @throws InvalidModelException when a value has the wrong type or range
	 */
	public static WordModelSettings fromParameters(Map<String, Object> parameters) {
		try {
			return new WordModelSettings(TokenizerSettings.fromParameters(parameters), size(parameters, DIMENSION),
					size(parameters, VOCABULARY_SIZE));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException("word2vec parameters: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The descriptor parameters for these settings.
	 * @return the parameters, in a stable order
	 */
	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(DIMENSION, this.dimension);
		parameters.put(VOCABULARY_SIZE, this.vocabularySize);
		parameters.putAll(this.tokenizer.toParameters());
		return parameters;
	}

	/**
	 * Checks vectors read from the artifact against the declared sizes.
	 * @param vectors the vectors
	 * @throws InvalidModelException when a declared size differs
	 */
	public void check(WordVectors vectors) {
		if (this.dimension > 0 && vectors.dimension() != this.dimension) {
			throw new InvalidModelException("the descriptor declares dimension " + this.dimension
					+ " but the vector file has " + vectors.dimension());
		}
		if (this.vocabularySize > 0 && vectors.vocabulary().size() != this.vocabularySize) {
			throw new InvalidModelException("the descriptor declares " + this.vocabularySize
					+ " words but the vector file has " + vectors.vocabulary().size());
		}
	}

	private static int size(Map<String, Object> parameters, String key) {
		Object value = parameters.getOrDefault(key, 0);
		if (!(value instanceof Integer size) || size < 0) {
			throw new IllegalArgumentException(key + " must be a non-negative integer, was '" + value + "'");
		}
		return size;
	}

}
