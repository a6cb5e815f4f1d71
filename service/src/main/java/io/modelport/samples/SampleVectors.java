package io.modelport.samples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small word2vec binary file ({@code vectors.bin}) whose geometry the examples can
 * show: words of one topic lie close together, and fixed directions stand for gender,
 * royalty, country-to-capital and past tense, so {@code man : woman :: king : ?} answers
 * {@code queen} and {@code france : paris :: japan : ?} answers {@code tokyo}. Words are
 * generated, not taken from any corpus.
 *
 * @author Modelport Team
 */
final class SampleVectors {

	static final int DIMENSION = 50;

	private static final String[][] TOPICS = {
			{ "person", "man", "woman", "boy", "girl", "king", "queen", "prince", "princess", "father", "mother", "son",
					"daughter", "brother", "sister", "husband", "wife" },
			{ "place", "france", "paris", "germany", "berlin", "italy", "rome", "spain", "madrid", "japan", "tokyo",
					"england", "london", "Paris", "London", "Tokyo" },
			{ "animal", "cat", "dog", "horse", "cow", "sheep", "lion", "tiger", "wolf" },
			{ "colour", "red", "green", "blue", "yellow", "black", "white" },
			{ "number", "one", "two", "three", "four", "five", "six" },
			{ "fruit", "apple", "banana", "orange", "grape", "pear" },
			{ "motion", "walk", "walked", "run", "ran", "go", "went", "see", "saw" } };

	private SampleVectors() {
	}

	static Path write(Path file) throws IOException {
		Map<String, float[]> vectors = vectors();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			out.write((vectors.size() + " " + DIMENSION + "\n").getBytes(StandardCharsets.UTF_8));
			ByteBuffer row = ByteBuffer.allocate(DIMENSION * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
			for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
				out.write((entry.getKey() + " ").getBytes(StandardCharsets.UTF_8));
				row.clear();
				for (float value : entry.getValue()) {
					row.putFloat(value);
				}
				out.write(row.array());
				out.write('\n');
			}
		}
		return file;
	}

	static Map<String, float[]> vectors() {
		Random random = new Random(50);
		float[] female = direction(random);
		float[] royal = direction(random);
		float[] young = direction(random);
		float[] capital = direction(random);
		float[] past = direction(random);
		Map<String, float[]> vectors = new LinkedHashMap<>();
		for (String[] topic : TOPICS) {
			float[] centre = direction(random);
			for (int i = 1; i < topic.length; i++) {
				String word = topic[i];
				float[] vector = noise(random, centre, 0.35f);
				if (topic[0].equals("person")) {
					add(vector, female, (isFemale(word)) ? 0.6f : -0.6f);
					add(vector, royal, (word.matches("king|queen|prince|princess")) ? 0.9f : 0f);
					add(vector, young, (word.matches("boy|girl|son|daughter|prince|princess")) ? 0.5f : 0f);
				}
				else if (topic[0].equals("place")) {
					// Each country and its capital share a base; the capital adds the
					// capital
					// direction. A capitalised form sits next to its lower-case one.
					String base = word.toLowerCase(java.util.Locale.ROOT);
					float[] anchor = vectors.containsKey(base) ? vectors.get(base) : null;
					if (anchor != null) {
						vector = noise(random, anchor, 0.1f);
					}
					else if (i % 2 == 0) {
						vector = noise(random, vectors.get(topic[i - 1]), 0.1f);
						add(vector, capital, 0.8f);
					}
				}
				else if (topic[0].equals("motion") && i % 2 == 0) {
					vector = noise(random, vectors.get(topic[i - 1]), 0.1f);
					add(vector, past, 0.8f);
				}
				vectors.put(word, vector);
			}
		}
		return vectors;
	}

	private static boolean isFemale(String word) {
		return word.matches("woman|girl|queen|princess|mother|daughter|sister|wife");
	}

	private static float[] direction(Random random) {
		float[] vector = new float[DIMENSION];
		double norm = 0;
		for (int i = 0; i < DIMENSION; i++) {
			vector[i] = (float) random.nextGaussian();
			norm += vector[i] * vector[i];
		}
		for (int i = 0; i < DIMENSION; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

	private static float[] noise(Random random, float[] centre, float scale) {
		float[] noise = direction(random);
		float[] vector = centre.clone();
		add(vector, noise, scale);
		return vector;
	}

	private static void add(float[] vector, float[] direction, float amount) {
		for (int i = 0; i < vector.length; i++) {
			vector[i] += amount * direction[i];
		}
	}

}
