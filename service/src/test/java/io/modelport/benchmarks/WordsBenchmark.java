package io.modelport.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.modelport.words.Vocabulary;
import io.modelport.words.WordVectors;

/**
 * Nearest-neighbour queries on a random 100,000 × 300 embedding matrix (the size issue 7
 * asks to be fast for): top-10 by cosine over the whole vocabulary, on one thread and
 * split over all cores, and 3CosAdd analogies. Prints queries per second.
 *
 * <pre>
 * ./mvnw -q -pl service test-compile exec:exec@benchmark-words
 * </pre>
 *
 * @author Modelport Team
 */
public final class WordsBenchmark {

	private static final int WORDS = 100_000;

	private static final int DIMENSION = 300;

	private static final int QUERIES = 200;

	private WordsBenchmark() {
	}

	public static void main(String[] args) {
		Random random = new Random(1);
		List<String> words = IntStream.range(0, WORDS).mapToObj((i) -> "w" + i).toList();
		float[] matrix = new float[WORDS * DIMENSION];
		for (int i = 0; i < matrix.length; i++) {
			matrix[i] = (float) random.nextGaussian();
		}
		WordVectors vectors = new WordVectors(new Vocabulary(words, null), DIMENSION, matrix);
		float[][] queries = new float[QUERIES][DIMENSION];
		for (float[] query : queries) {
			for (int i = 0; i < DIMENSION; i++) {
				query[i] = (float) random.nextGaussian();
			}
		}
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.println();
		System.out.printf("%,d words × %d dimensions, top 10, %d cores%n%n", WORDS, DIMENSION, cores);
		System.out.println("| query | threads | queries/s | ms per query |");
		System.out.println("|---|---|---|---|");
		for (int threads : (cores > 1) ? new int[] { 1, cores } : new int[] { 1 }) {
			WordVectors search = vectors.withSearchThreads(threads);
			print("nearest(vector)", threads, time(() -> {
				for (float[] query : queries) {
					search.nearest(query, 10, List.of());
				}
			}));
			print("analogy(a, b, c)", threads, time(() -> {
				for (int q = 0; q < QUERIES; q++) {
					search.analogy("w" + q, "w" + (q + 1), "w" + (q + 2), 10);
				}
			}));
		}
	}

	private static void print(String query, int threads, double seconds) {
		System.out.printf("| %s | %d | %.0f | %.2f |%n", query, threads, QUERIES / seconds, seconds * 1e3 / QUERIES);
	}

	// One warm-up round for the JIT, then the best of three timed rounds.
	private static double time(Runnable round) {
		round.run();
		double best = Double.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			round.run();
			best = Math.min(best, (System.nanoTime() - start) / 1e9);
		}
		return best;
	}

}
