package io.modelport.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into tokens by {@link TokenizerSettings}. Thread-safe: the compiled pattern
 * is immutable and every call makes its own matcher.
 *
 * @author Modelport Team
 */
public final class Tokenizer {

	private final TokenizerSettings settings;

	private final Pattern pattern;

	public Tokenizer(TokenizerSettings settings) {
		this.settings = settings;
		this.pattern = Pattern.compile(settings.tokenPattern());
	}

	/**
	 * The settings this tokenizer applies.
	 * @return the settings
	 */
	public TokenizerSettings settings() {
		return this.settings;
	}

	/**
	 * The tokens of a text, in order.
	 * @param text the text
	 * @return the tokens, each cased as the settings say
	 */
	public List<String> tokenize(CharSequence text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = this.pattern.matcher(text);
		while (matcher.find()) {
			if (matcher.end() > matcher.start()) {
				tokens.add(normalize(matcher.group()));
			}
		}
		return tokens;
	}

	/**
	 * A single word as the model stores it, for lookups of words given one by one.
	 * @param word the word as a user typed it
	 * @return the word, lower-cased when the settings say so
	 */
	public String normalize(String word) {
		// Locale.ROOT: the default locale would turn "I" into a dotless ı on Turkish
		// hosts.
		return this.settings.lowercase() ? word.toLowerCase(Locale.ROOT) : word;
	}

}
