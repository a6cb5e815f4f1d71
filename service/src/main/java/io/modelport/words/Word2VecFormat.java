package io.modelport.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The two file formats of the word2vec C tool, which gensim also reads and writes, so
 * vectors trained elsewhere can be served here and ours used elsewhere. Both start with
 * the ASCII line {@code "V D\n"}; words are UTF-8 and may not contain spaces.
 * <ul>
 * <li>{@link #TEXT}: one line per word, {@code word v1 … vD}, values separated by single
 * spaces (a trailing space, as the C tool writes, is accepted).</li>
 * <li>{@link #BINARY}: per word, the word's bytes, one space, D little-endian float32 and
 * a newline. The C tool writes the newline; gensim 4 writes none, so the reader accepts
 * newlines before a word and does not require them.</li>
 * </ul>
 * Readers and writers leave the stream open.
 *
 * @author Modelport Team
 */
public enum Word2VecFormat {

	/**
	 * The text format ({@code -binary 0}).
	 */
	TEXT {

		@Override
		public WordVectors read(InputStream in, Word2VecLimits limits) throws IOException {
			return Word2VecText.read(in, limits);
		}

		@Override
		public void write(WordVectors vectors, OutputStream out) throws IOException {
			Word2VecText.write(vectors, out);
		}

	},

	/**
	 * The binary format ({@code -binary 1}).
	 */
	BINARY {

		@Override
		public WordVectors read(InputStream in, Word2VecLimits limits) throws IOException {
			return Word2VecBinary.read(in, limits);
		}

		@Override
		public void write(WordVectors vectors, OutputStream out) throws IOException {
			Word2VecBinary.write(vectors, out);
		}

	};

	/**
	 * Reads a whole file. The vocabulary keeps the file's order and has no counts.
	 * @param in the file
	 * @param limits the bounds on its size
	 * @return the vectors
	 * @throws IOException when the stream fails, or the file is malformed, truncated or
	 * over the limits (the message says at which line or byte)
	 */
	public abstract WordVectors read(InputStream in, Word2VecLimits limits) throws IOException;

	/**
	 * Writes the stored (not normalized) vectors in vocabulary order.
	 * @param vectors the vectors
	 * @param out where to write; flushed, not closed
	 * @throws IOException when the stream fails
	 * @throws IllegalArgumentException when a word contains whitespace, which neither
	 * format can hold
	 */
	public abstract void write(WordVectors vectors, OutputStream out) throws IOException;

	static void checkWritable(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.isWhitespace(word.charAt(i))) {
				throw new IllegalArgumentException(
						"word '" + word + "' contains whitespace and cannot be written in word2vec format");
			}
		}
	}

}
