package io.modelport.words.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.modelport.words.Tokenizer;
import io.modelport.words.Vocabulary;
import io.modelport.words.VocabularyBuilder;

/**
 * A training corpus held as vocabulary rows: one sentence per line, tokenized, words
 * under the min count dropped (as the word2vec C tool drops them, without an
 * {@value Vocabulary#UNK} row). The text is read twice, once to count and once to encode,
 * so only the rows are kept in memory, four bytes a token.
 *
 * @author Modelport Team
 */
public final class Corpus {

	/** The most tokens a corpus may hold (80 MB of rows). */
	public static final long MAX_TOKENS = 20_000_000;

	/** Longer sentences are cut into pieces of this many tokens, as in the C tool. */
	public static final int MAX_SENTENCE = 1000;

	// A line is cut at the first white space after this many characters, so a file
	// without line breaks cannot make one huge string.
	private static final int MAX_LINE_CHARS = 1 << 20;

	private final Vocabulary vocabulary;

	private final int[] rows;

	private final int[] ends;

	private final long corpusTokens;

	private Corpus(Vocabulary vocabulary, int[] rows, int[] ends, long corpusTokens) {
		this.vocabulary = vocabulary;
		this.rows = rows;
		this.ends = ends;
		this.corpusTokens = corpusTokens;
	}

	/**
	 * Reads a UTF-8 text file, one sentence per line.
	 * @param file the file
	 * @param tokenizer how lines become tokens
	 * @param minCount the least count a word needs
	 * @param maxVocabulary the most words kept, the most frequent first
	 * @return the corpus
	 * @throws IOException when the file cannot be read, or has more than
	 * {@link #MAX_TOKENS} tokens or no word seen {@code minCount} times
	 */
	public static Corpus read(Path file, Tokenizer tokenizer, int minCount, int maxVocabulary) throws IOException {
		return build(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), tokenizer, minCount, maxVocabulary);
	}

	/**
	 * A corpus of lines held in memory, for tests and small corpora.
	 * @param lines the sentences
	 * @param tokenizer how lines become tokens
	 * @param minCount the least count a word needs
	 * @param maxVocabulary the most words kept
	 * @return the corpus
	 * @throws IOException when no word is seen {@code minCount} times
	 */
	public static Corpus of(List<String> lines, Tokenizer tokenizer, int minCount, int maxVocabulary)
			throws IOException {
		String text = String.join("\n", lines);
		return build(() -> new StringReader(text), tokenizer, minCount, maxVocabulary);
	}

	private static Corpus build(Source source, Tokenizer tokenizer, int minCount, int maxVocabulary)
			throws IOException {
		VocabularyBuilder builder = new VocabularyBuilder();
		long[] seen = new long[1];
		forEachLine(source, (line) -> {
			List<String> tokens = tokenizer.tokenize(line);
			seen[0] += tokens.size();
			if (seen[0] > MAX_TOKENS) {
				throw new CorpusTooLargeException();
			}
			builder.addAll(tokens);
		});
		Vocabulary vocabulary = top(builder.build(minCount, false), maxVocabulary);
		if (vocabulary.size() == 0) {
			throw new IOException("no word of the corpus occurs " + minCount + " times or more");
		}
		int[] rows = new int[(int) vocabulary.totalCount()];
		IntList ends = new IntList();
		int[] length = new int[1];
		forEachLine(source, (line) -> {
			int[] sentence = vocabulary.encode(tokenizer.tokenize(line));
			for (int from = 0; from < sentence.length; from += MAX_SENTENCE) {
				int to = Math.min(sentence.length, from + MAX_SENTENCE);
				System.arraycopy(sentence, from, rows, length[0], to - from);
				length[0] += to - from;
				ends.add(length[0]);
			}
		});
		return new Corpus(vocabulary, rows, ends.toArray(), builder.tokenCount());
	}

	private static Vocabulary top(Vocabulary vocabulary, int maxVocabulary) {
		if (vocabulary.size() <= maxVocabulary) {
			return vocabulary;
		}
		return new Vocabulary(vocabulary.words().subList(0, maxVocabulary),
				Arrays.copyOf(vocabulary.counts(), maxVocabulary));
	}

	private static void forEachLine(Source source, Consumer<String> consumer) throws IOException {
		try (BufferedReader reader = new BufferedReader(source.open())) {
			StringBuilder line = new StringBuilder();
			int next;
			while ((next = reader.read()) != -1) {
				char c = (char) next;
				if (c == '\n' || (line.length() >= MAX_LINE_CHARS && Character.isWhitespace(c))) {
					consumer.accept(line.toString());
					line.setLength(0);
				}
				else {
					line.append(c);
				}
			}
			if (!line.isEmpty()) {
				consumer.accept(line.toString());
			}
		}
		catch (CorpusTooLargeException ex) {
			throw new IOException("the corpus has more than " + MAX_TOKENS + " tokens");
		}
	}

	/**
	 * The words, most frequent first, with their counts.
	 * @return the vocabulary
	 */
	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/**
	 * How many sentences hold at least one vocabulary word (a line over
	 * {@link #MAX_SENTENCE} of them counts as several).
	 * @return the number of sentences
	 */
	public int sentenceCount() {
		return this.ends.length;
	}

	/**
	 * The rows of one sentence.
	 * @param index the sentence
	 * @return a copy of its rows
	 */
	public int[] sentence(int index) {
		int from = (index == 0) ? 0 : this.ends[index - 1];
		return Arrays.copyOfRange(this.rows, from, this.ends[index]);
	}

	/**
	 * The tokens kept, those of vocabulary words: what one epoch reads.
	 * @return the count
	 */
	public long tokenCount() {
		return this.rows.length;
	}

	/**
	 * All tokens of the text, rare words included.
	 * @return the count
	 */
	public long corpusTokenCount() {
		return this.corpusTokens;
	}

	@FunctionalInterface
	private interface Source {

		Reader open() throws IOException;

	}

	private static final class CorpusTooLargeException extends RuntimeException {

		CorpusTooLargeException() {
			super(null, null, false, false);
		}

	}

	private static final class IntList {

		private int[] values = new int[1024];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
