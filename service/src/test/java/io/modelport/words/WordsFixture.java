package io.modelport.words;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Model stores of word vectors for the serving tests: a hand-made featurized table
 * (gender, royal, age, food) as a text-format model, the same table with an
 * {@value Vocabulary#UNK} row, and a model whose descriptor disagrees with its file.
 *
 * @author Modelport Team
 */
public final class WordsFixture {

	/** A text-format model of the featurized table. */
	public static final String TABLE = "table-words";

	static final String WITH_UNKNOWN = "table-unk";

	/** A model whose descriptor disagrees with its file: it fails to load. */
	public static final String BROKEN = "broken-words";

	static final List<String> WORDS = List.of("man", "woman", "king", "queen", "apple", "orange");

	static final float[][] VECTORS = { { -1f, 0.01f, 0.03f, 0.04f }, { 1f, 0.02f, 0.02f, 0.01f },
			{ -0.95f, 0.93f, 0.70f, 0.02f }, { 0.97f, 0.95f, 0.69f, 0.01f }, { 0.00f, -0.01f, 0.03f, 0.95f },
			{ 0.01f, 0.00f, -0.02f, 0.97f } };

	private WordsFixture() {
	}

	static WordVectors table(boolean withUnknown) {
		List<String> words = new java.util.ArrayList<>(WORDS);
		float[] matrix = new float[(WORDS.size() + (withUnknown ? 1 : 0)) * 4];
		int offset = 0;
		if (withUnknown) {
			words.add(0, Vocabulary.UNK);
			float[] unknown = { 0.1f, 0.1f, 0.1f, 0.1f };
			System.arraycopy(unknown, 0, matrix, 0, 4);
			offset = 4;
		}
		for (float[] vector : VECTORS) {
			System.arraycopy(vector, 0, matrix, offset, 4);
			offset += 4;
		}
		return new WordVectors(new Vocabulary(words, null), 4, matrix);
	}

	static WordVectors random(int words, int dimension, long seed) {
		Random random = new Random(seed);
		List<String> names = new java.util.ArrayList<>();
		float[] matrix = new float[words * dimension];
		for (int i = 0; i < words; i++) {
			names.add("w" + i);
		}
		for (int i = 0; i < matrix.length; i++) {
			matrix[i] = (float) random.nextGaussian();
		}
		return new WordVectors(new Vocabulary(names, null), dimension, matrix);
	}

	/**
	 * A new temporary store holding the table models and the broken one.
	 * @return the store folder
	 */
	public static Path store() {
		try {
			Path store = Files.createTempDirectory("modelport-words");
			write(store, TABLE, table(false), Word2VecFormat.TEXT, 4);
			write(store, WITH_UNKNOWN, table(true), Word2VecFormat.BINARY, 4);
			write(store, BROKEN, table(false), Word2VecFormat.TEXT, 5);
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] bytes(WordVectors vectors, Word2VecFormat format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			format.write(vectors, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path store, String name, WordVectors vectors, Word2VecFormat format,
			int declaredDimension) throws IOException {
		Path version = Files.createDirectories(store.resolve(name).resolve("1"));
		String file = (format == Word2VecFormat.TEXT) ? "vectors.txt" : "vectors.bin";
		Files.write(version.resolve(file), bytes(vectors, format));
		Files.writeString(version.resolve("descriptor.yaml"), """
				task: word2vec
				format: %s
				artifacts:
				- file: %s
				parameters:
				  dimension: %d
				  vocabularySize: %d
				  lowercase: true
				""".formatted((format == Word2VecFormat.TEXT) ? "word2vec-text" : "word2vec-binary", file,
				declaredDimension, vectors.vocabulary().size()));
	}

}
