package io.modelport.words;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the tokens of a corpus, then turns the counts into a {@link Vocabulary}. Not
 * thread-safe: one builder per pass over the corpus.
 *
 * @author Modelport Team
 */
public final class VocabularyBuilder {

	private final Map<String, Long> counts = new HashMap<>();

	private long tokens;

	/**
	 * Counts one token.
	 * @param token the token, already tokenized and cased
	 * @return this builder
	 */
	public VocabularyBuilder add(String token) {
		this.counts.merge(token, 1L, Long::sum);
		this.tokens++;
		return this;
	}

	/**
	 * Counts a sequence of tokens.
	 * @param tokens the tokens
	 * @return this builder
	 */
	public VocabularyBuilder addAll(Iterable<String> tokens) {
		for (String token : tokens) {
			add(token);
		}
		return this;
	}

	/**
	 * How many tokens were counted.
	 * @return the corpus length
	 */
	public long tokenCount() {
		return this.tokens;
	}

	/**
	 * The vocabulary of words seen at least {@code minCount} times, most frequent first,
	 * ties in alphabetical order so the same corpus always gives the same rows.
	 * @param minCount the least count a word needs (the C tool's default is 5)
	 * @param withUnknown whether to add an {@value Vocabulary#UNK} row 0 that pools the
	 * pruned words
	 * @return the vocabulary
	 * @throws IllegalArgumentException when {@code minCount} is below 1
	 */
	public Vocabulary build(long minCount, boolean withUnknown) {
		if (minCount < 1) {
			throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
		}
		return Vocabulary.fromCounts(this.counts, minCount, withUnknown);
	}

}
