package io.modelport.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a model, each with a row index and a corpus count. Built from a corpus by
 * {@link VocabularyBuilder} (most frequent first), or from a list of words read from a
 * vector file (counts unknown, stored as zero). Immutable.
 * <p>
 * An optional {@value #UNK} token takes row 0; its count is the number of corpus tokens
 * that fell below the minimum count, and unknown words resolve to it.
 *
 * @author Modelport Team
 */
public final class Vocabulary {

	/**
	 * The token that stands for every out-of-vocabulary word, when a model has one.
	 */
	public static final String UNK = "<UNK>";

	private final List<String> words;

	private final long[] counts;

	private final Map<String, Integer> indices;

	private final int unknownIndex;

	private final long totalCount;

	/**
	 * A vocabulary of the given words in the given order.
	 * @param words the words, row by row
	 * @param counts the corpus count of each word, or {@code null} when unknown (all
	 * zero)
	 * @throws IllegalArgumentException when a word repeats or is empty, or the lengths
	 * differ
	 */
	public Vocabulary(List<String> words, long[] counts) {
		if (counts != null && counts.length != words.size()) {
			throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
		}
		this.words = List.copyOf(words);
		this.counts = (counts != null) ? counts.clone() : new long[words.size()];
		this.indices = new HashMap<>(words.size() * 2);
		long total = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.isEmpty()) {
				throw new IllegalArgumentException("word " + i + " is empty");
			}
			if (this.indices.putIfAbsent(word, i) != null) {
				throw new IllegalArgumentException("word '" + word + "' appears twice");
			}
			if (this.counts[i] < 0) {
				throw new IllegalArgumentException("word '" + word + "' has a negative count");
			}
			total += this.counts[i];
		}
		this.unknownIndex = this.indices.getOrDefault(UNK, -1);
		this.totalCount = total;
	}

	/**
	 * How many words, {@value #UNK} included.
	 * @return the size
	 */
	public int size() {
		return this.words.size();
	}

	/**
	 * The word at a row.
	 * @param index the row
	 * @return the word
	 */
	public String word(int index) {
		return this.words.get(index);
	}

	/**
	 * All words in row order.
	 * @return an unmodifiable list
	 */
	public List<String> words() {
		return this.words;
	}

	/**
	 * The corpus count of the word at a row.
	 * @param index the row
	 * @return the count, zero when the vocabulary came without counts
	 */
	public long count(int index) {
		return this.counts[index];
	}

	/**
	 * All counts in row order.
	 * @return a copy
	 */
	public long[] counts() {
		return this.counts.clone();
	}

	/**
	 * The sum of all counts: the corpus length after min-count pruning (plus the pruned
	 * tokens when there is an {@value #UNK}).
	 * @return the total
	 */
	public long totalCount() {
		return this.totalCount;
	}

	/**
	 * The row of a word, without falling back to {@value #UNK}.
	 * @param word the word, already tokenized and cased
	 * @return the row, or -1 when absent
	 */
	public int indexOf(String word) {
		Integer index = this.indices.get(word);
		return (index != null) ? index : -1;
	}

	/**
	 * The row of a word, or of {@value #UNK} when the word is absent and the vocabulary
	 * has one.
	 * @param word the word
	 * @return the row, or -1 when absent and there is no {@value #UNK}
	 */
	public int resolve(String word) {
		int index = indexOf(word);
		return (index >= 0) ? index : this.unknownIndex;
	}

	/**
	 * The row of {@value #UNK}.
	 * @return the row, or -1 when the vocabulary has none
	 */
	public int unknownIndex() {
		return this.unknownIndex;
	}

	/**
	 * A sentence as rows: unknown tokens become {@value #UNK} when there is one and are
	 * dropped otherwise (as the word2vec C tool drops words below min count).
	 * @param tokens the tokens
	 * @return the rows, in order
	 */
	public int[] encode(List<String> tokens) {
		int[] rows = new int[tokens.size()];
		int length = 0;
		for (String token : tokens) {
			int index = resolve(token);
			if (index >= 0) {
				rows[length++] = index;
			}
		}
		return Arrays.copyOf(rows, length);
	}

	/**
	 * Words with their counts, most frequent first then alphabetical, with an optional
	 * {@value #UNK} at row 0.
	 * @param counts the count of every corpus word
	 * @param minCount the least count a word needs to be kept
	 * @param withUnknown whether pruned words are pooled into an {@value #UNK} row
	 * @return the vocabulary
	 */
	static Vocabulary fromCounts(Map<String, Long> counts, long minCount, boolean withUnknown) {
		List<Map.Entry<String, Long>> kept = new ArrayList<>();
		long pruned = 0;
		for (Map.Entry<String, Long> entry : counts.entrySet()) {
			if (entry.getValue() >= minCount && !entry.getKey().equals(UNK)) {
				kept.add(entry);
			}
			else {
				pruned += entry.getValue();
			}
		}
		kept.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		int offset = withUnknown ? 1 : 0;
		List<String> words = new ArrayList<>(kept.size() + offset);
		long[] wordCounts = new long[kept.size() + offset];
		if (withUnknown) {
			words.add(UNK);
			wordCounts[0] = pruned;
		}
		for (int i = 0; i < kept.size(); i++) {
			words.add(kept.get(i).getKey());
			wordCounts[i + offset] = kept.get(i).getValue();
		}
		return new Vocabulary(words, wordCounts);
	}

}
