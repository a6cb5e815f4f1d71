package io.modelport.words;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How text becomes tokens. A model stores these in its descriptor's parameters so that
 * serving splits and cases text exactly as training did.
 *
 * @param lowercase whether tokens are lower-cased (with {@code Locale.ROOT})
 * @param tokenPattern the regular expression one token matches; text between matches is
 * dropped
 * @author Modelport Team
 */
public record TokenizerSettings(boolean lowercase, String tokenPattern) {

	/**
	 * Letters, digits, marks, apostrophes, underscores and hyphens, lower-cased: the
	 * default for models trained here.
	 */
	public static final TokenizerSettings DEFAULT = new TokenizerSettings(true, "[\\p{L}\\p{M}\\p{N}_'-]+");

	/**
	 * Runs of non-space characters with case kept: what the word2vec C tool and gensim
	 * assume, so the default for imported vectors ({@code New_York} stays one token).
	 */
	public static final TokenizerSettings WHITESPACE = new TokenizerSettings(false, "\\S+");

	static final String LOWERCASE = "lowercase";

	static final String TOKEN_PATTERN = "tokenPattern";

	public TokenizerSettings {
		if (tokenPattern == null || tokenPattern.isEmpty()) {
			throw new IllegalArgumentException("tokenPattern must not be empty");
		}
		try {
			Pattern.compile(tokenPattern);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("tokenPattern is not a valid regular expression: " + ex.getMessage());
		}
	}

	/**
	 * Reads the settings from a descriptor's parameters; missing keys take the values of
	 * {@link #DEFAULT}.
	 * @param parameters the descriptor parameters
	 * @return the settings
	 * @throws IllegalArgumentException when a value has the wrong type or the pattern is
	 * invalid
	 */
	public static TokenizerSettings fromParameters(Map<String, Object> parameters) {
		Object lowercase = parameters.getOrDefault(LOWERCASE, DEFAULT.lowercase());
		Object pattern = parameters.getOrDefault(TOKEN_PATTERN, DEFAULT.tokenPattern());
		if (!(lowercase instanceof Boolean flag)) {
			throw new IllegalArgumentException(LOWERCASE + " must be true or false, was '" + lowercase + "'");
		}
		if (!(pattern instanceof String regex)) {
			throw new IllegalArgumentException(TOKEN_PATTERN + " must be a string, was '" + pattern + "'");
		}
		return new TokenizerSettings(flag, regex);
	}

	/**
	 * The settings as descriptor parameters, the inverse of {@link #fromParameters(Map)}.
	 * @return a new mutable map
	 */
	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(LOWERCASE, this.lowercase);
		parameters.put(TOKEN_PATTERN, this.tokenPattern);
		return parameters;
	}

}
