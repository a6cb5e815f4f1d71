package io.modelport.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A tiny text corpus of two topics for word-vector training jobs in tests.
 *
 * @author Modelport Team
 */
public final class Corpus {

	private Corpus() {
	}

	/**
	 * Three hundred lines of "animal and animal" or "fruit and fruit".
	 * @return the UTF-8 text
	 */
	public static byte[] animalsAndFruits() {
		Random random = new Random(5);
		StringBuilder text = new StringBuilder();
		List<String> animals = List.of("cat", "dog", "cow");
		List<String> fruits = List.of("apple", "pear", "plum");
		for (int i = 0; i < 300; i++) {
			List<String> kind = (i % 2 == 0) ? animals : fruits;
			text.append(kind.get(random.nextInt(3))).append(" and ").append(kind.get(random.nextInt(3))).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
