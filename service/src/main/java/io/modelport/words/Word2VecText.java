package io.modelport.words;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The word2vec text format, see {@link Word2VecFormat#TEXT}.
 *
 * @author Modelport Team
 */
final class Word2VecText {

	private Word2VecText() {
	}

	static WordVectors read(InputStream stream, Word2VecLimits limits) throws IOException {
		ByteInput in = new ByteInput(stream);
		Word2VecRows rows = Word2VecRows.readHeader(in, limits);
		// A value needs at most ~16 characters ("-1.2345678E-10 "); allow generous slack.
		int maxLine = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxWordBytes() + 1 + rows.dimension() * 32L);
		for (int line = 2; line < rows.words() + 2; line++) {
			byte[] bytes = in.readUntil('\n', maxLine, "line " + line);
			if (bytes == null) {
				throw new IOException("truncated at line " + line + ": the header promises " + rows.words()
						+ " words, the file ends after " + rows.size());
			}
			String[] parts = new String(bytes, StandardCharsets.UTF_8).strip().split("[ \t]+");
			if (parts.length != rows.dimension() + 1) {
				throw new IOException("line " + line + ": expected a word and " + rows.dimension() + " values, found "
						+ (parts.length - 1) + " values");
			}
			int offset = rows.add(parts[0], "line " + line);
			float[] matrix = rows.matrix();
			for (int i = 0; i < rows.dimension(); i++) {
				matrix[offset + i] = parse(parts[i + 1], line);
			}
		}
		int extra;
		while ((extra = in.read()) >= 0) {
			if (!Character.isWhitespace(extra)) {
				throw new IOException(
						"unexpected data after the last of " + rows.words() + " words, at byte " + (in.position() - 1));
			}
		}
		return rows.toWordVectors();
	}

	static void write(WordVectors vectors, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		Vocabulary vocabulary = vectors.vocabulary();
		int dimension = vectors.dimension();
		float[] matrix = vectors.matrix();
		writer.write(vocabulary.size() + " " + dimension + "\n");
		StringBuilder line = new StringBuilder();
		for (int row = 0; row < vocabulary.size(); row++) {
			String word = vocabulary.word(row);
			Word2VecFormat.checkWritable(word);
			line.setLength(0);
			line.append(word);
			for (int i = 0; i < dimension; i++) {
				// Float.toString round-trips exactly: parsing it gives back the same
				// float.
				line.append(' ').append(matrix[row * dimension + i]);
			}
			writer.write(line.append('\n').toString());
		}
		writer.flush();
	}

	private static float parse(String text, int line) throws IOException {
		float value;
		try {
			value = Float.parseFloat(text);
		}
		catch (NumberFormatException ex) {
			value = Float.NaN;
		}
		if (!Float.isFinite(value)) {
			throw new IOException("line " + line + ": '" + text + "' is not a finite number");
		}
		return value;
	}

}
