package io.modelport.words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks {@link WordVectors#nearest} against a brute-force search in double precision on
 * random vectors, sequential and split over threads.
 *
 * @author Modelport Team
 */
class NearestNeighboursTests {

	// 22,000 × 50 = 1.1M values: just over the size where scans are split into chunks.
	private static final int WORDS = 22_000;

	private static final int DIMENSION = 50;

	@Test
	void matchesBruteForceSequentialAndParallel() {
		Random random = new Random(7);
		List<String> words = IntStream.range(0, WORDS).mapToObj((i) -> "w" + i).toList();
		float[] matrix = new float[WORDS * DIMENSION];
		for (int i = 0; i < matrix.length; i++) {
			matrix[i] = (float) random.nextGaussian();
		}
		WordVectors vectors = new WordVectors(new Vocabulary(words, null), DIMENSION, matrix);
		for (int query = 0; query < 5; query++) {
			float[] vector = new float[DIMENSION];
			for (int i = 0; i < DIMENSION; i++) {
				vector[i] = (float) random.nextGaussian();
			}
			List<Double> reference = bruteForce(matrix, vector);
			double kth = reference.get(19);
			for (int threads : new int[] { 1, 4 }) {
				List<Neighbour> found = vectors.withSearchThreads(threads).nearest(vector, 20, List.of("w3"));
				assertThat(found).hasSize(20);
				assertThat(found).extracting(Neighbour::word).doesNotHaveDuplicates().doesNotContain("w3");
				for (int i = 0; i < found.size(); i++) {
					Neighbour neighbour = found.get(i);
					double exact = cosine(matrix, neighbour.index(), vector);
					// Float scores agree with double to rounding, and no better row was
					// missed.
					assertThat(neighbour.score()).isCloseTo(exact, within(1e-5));
					assertThat(exact).isGreaterThanOrEqualTo(kth - 1e-5);
					assertThat(neighbour.score()).isCloseTo(reference.get(i), within(1e-5));
				}
			}
		}
	}

	private static List<Double> bruteForce(float[] matrix, float[] query) {
		List<Double> scores = new ArrayList<>();
		for (int row = 0; row < WORDS; row++) {
			if (row != 3) {
				scores.add(cosine(matrix, row, query));
			}
		}
		scores.sort(Comparator.reverseOrder());
		return scores;
	}

	private static double cosine(float[] matrix, int row, float[] query) {
		float[] vector = new float[DIMENSION];
		System.arraycopy(matrix, row * DIMENSION, vector, 0, DIMENSION);
		return WordVectors.cosine(vector, query);
	}

}
