package io.modelport.words;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the word2vec readers share: the {@code "V D"} header and the rows read so far. The
 * matrix grows as rows arrive, so a header that promises more than the file holds costs
 * no more memory than the file itself.
 *
 * @author Modelport Team
 */
final class Word2VecRows {

	private final int words;

	private final int dimension;

	private final List<String> vocabulary;

	private final Set<String> seen;

	private float[] matrix;

	private Word2VecRows(int words, int dimension) {
		this.words = words;
		this.dimension = dimension;
		this.vocabulary = new ArrayList<>(Math.min(words, 1 << 16));
		this.seen = new HashSet<>();
		this.matrix = new float[Math.min(words, 1 << 12) * dimension];
	}

	/**
	 * Reads and checks the header line.
	 * @param in the file, at its start
	 * @param limits the bounds
	 * @return an empty set of rows of the header's shape
	 */
	static Word2VecRows readHeader(ByteInput in, Word2VecLimits limits) throws IOException {
		byte[] line = in.readUntil('\n', 100, "the header line");
		String header = (line != null) ? new String(line, StandardCharsets.US_ASCII).trim() : "";
		String[] parts = header.split("\\s+");
		long words;
		long dimension;
		try {
			words = Long.parseLong(parts[0]);
			dimension = (parts.length == 2) ? Long.parseLong(parts[1]) : -1;
		}
		catch (NumberFormatException ex) {
			words = -1;
			dimension = -1;
		}
		if (words < 1 || dimension < 1) {
			throw new IOException("not a word2vec file: the first line must be \"<words> <dimension>\", was \""
					+ header.substring(0, Math.min(header.length(), 40)) + "\"");
		}
		if (words > limits.maxWords() || dimension > limits.maxDimension()) {
			throw new IOException("the file holds " + words + " words of dimension " + dimension + "; at most "
					+ limits.maxWords() + " words and dimension " + limits.maxDimension() + " are accepted");
		}
		if (words * dimension > Integer.MAX_VALUE - 8) {
			throw new IOException(words + " × " + dimension + " values do not fit in one array");
		}
		return new Word2VecRows((int) words, (int) dimension);
	}

	int words() {
		return this.words;
	}

	int dimension() {
		return this.dimension;
	}

	int size() {
		return this.vocabulary.size();
	}

	/**
	 * Adds a word and returns the offset its vector goes to.
	 * @param word the word
	 * @param where the line or byte, for the error message
	 * @return the offset of the word's row in {@link #matrix()}
	 */
	int add(String word, String where) throws IOException {
		if (word.isEmpty()) {
			throw new IOException("empty word at " + where);
		}
		if (!this.seen.add(word)) {
			throw new IOException("word '" + word + "' appears twice (again at " + where + ")");
		}
		int row = this.vocabulary.size();
		this.vocabulary.add(word);
		if ((row + 1) * this.dimension > this.matrix.length) {
			int rows = (int) Math.min(this.words, 2L * this.matrix.length / this.dimension);
			this.matrix = Arrays.copyOf(this.matrix, rows * this.dimension);
		}
		return row * this.dimension;
	}

	float[] matrix() {
		return this.matrix;
	}

	WordVectors toWordVectors() {
		return new WordVectors(new Vocabulary(this.vocabulary, null), this.dimension, this.matrix);
	}

}
