package io.modelport.words;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The word2vec binary format, see {@link Word2VecFormat#BINARY}. The C tool writes floats
 * in the machine's byte order, which on every platform it is used on is little-endian;
 * gensim does the same, so both are read as little-endian.
 *
 * @author Modelport Team
 */
final class Word2VecBinary {

	private Word2VecBinary() {
	}

	static WordVectors read(InputStream stream, Word2VecLimits limits) throws IOException {
		ByteInput in = new ByteInput(stream);
		Word2VecRows rows = Word2VecRows.readHeader(in, limits);
		byte[] vector = new byte[rows.dimension() * Float.BYTES];
		ByteBuffer floats = ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN);
		for (int row = 0; row < rows.words(); row++) {
			// The newline after the previous vector is optional (the C tool writes it,
			// gensim not).
			while (in.peek() == '\n') {
				in.read();
			}
			long start = in.position();
			String what = "word " + (row + 1) + " of " + rows.words();
			byte[] word = in.readUntil(' ', limits.maxWordBytes(), what);
			if (word == null) {
				throw new IOException("truncated at byte " + start + ": the header promises " + rows.words()
						+ " words, the file ends after " + row);
			}
			// Malformed UTF-8 becomes U+FFFD: the C tool cuts long words at a byte count,
			// which can split a character, and such files should still load.
			String text = new String(word, StandardCharsets.UTF_8);
			int offset = rows.add(text, "byte " + start);
			int read = in.readFully(vector);
			if (read < vector.length) {
				throw new IOException("truncated at byte " + in.position() + ": the vector of '" + text + "' (" + what
						+ ") needs " + vector.length + " bytes, the file has " + read);
			}
			float[] matrix = rows.matrix();
			for (int i = 0; i < rows.dimension(); i++) {
				float value = floats.getFloat(i * Float.BYTES);
				if (!Float.isFinite(value)) {
					throw new IOException("the vector of '" + text + "' at byte " + start + " holds a value that is not"
							+ " finite; is this a binary word2vec file?");
				}
				matrix[offset + i] = value;
			}
		}
		int extra;
		while ((extra = in.read()) >= 0) {
			if (extra != '\n') {
				throw new IOException("unexpected data after the last of " + rows.words() + " words, at byte "
						+ (in.position() - 1) + "; is this a binary word2vec file?");
			}
		}
		return rows.toWordVectors();
	}

	static void write(WordVectors vectors, OutputStream stream) throws IOException {
		OutputStream out = new BufferedOutputStream(stream, 1 << 16);
		Vocabulary vocabulary = vectors.vocabulary();
		int dimension = vectors.dimension();
		float[] matrix = vectors.matrix();
		out.write((vocabulary.size() + " " + dimension + "\n").getBytes(StandardCharsets.US_ASCII));
		ByteBuffer row = ByteBuffer.allocate(dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (int index = 0; index < vocabulary.size(); index++) {
			String word = vocabulary.word(index);
			Word2VecFormat.checkWritable(word);
			out.write(word.getBytes(StandardCharsets.UTF_8));
			out.write(' ');
			row.clear();
			row.asFloatBuffer().put(matrix, index * dimension, dimension);
			out.write(row.array());
			out.write('\n');
		}
		out.flush();
	}

}
