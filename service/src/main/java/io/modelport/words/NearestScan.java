package io.modelport.words;

import java.util.stream.IntStream;

/**
 * The inner loop of a nearest-neighbour query: dot products of a unit query with a range
 * of unit rows, fed into a {@link TopK}.
 *
 * @author Modelport Team
 */
final class NearestScan {

	// Below this many matrix entries a query takes well under a millisecond on one core
	// and handing chunks to other threads costs more than it saves.
	private static final long PARALLEL_THRESHOLD = 1L << 20;

	private NearestScan() {
	}

	/**
	 * The best rows of a whole unit matrix for a unit query, in chunks on several threads
	 * when the matrix is large enough to pay for them.
	 * @param unit the row-normalised matrix
	 * @param dimension the row length
	 * @param query the unit query
	 * @param k how many rows
	 * @param excluded rows never to return
	 * @param unknownRow the row of the unknown word, never returned ({@code -1} for none)
	 * @param threads the most chunks to scan at once
	 * @return the best rows, unsorted
	 */
	static TopK search(float[] unit, int dimension, float[] query, int k, int[] excluded, int unknownRow, int threads) {
		int rows = unit.length / dimension;
		int chunks = ((long) rows * dimension < PARALLEL_THRESHOLD) ? 1 : Math.min(threads, rows);
		if (chunks == 1) {
			return scan(unit, dimension, query, 0, rows, k, excluded, unknownRow);
		}
		return IntStream.range(0, chunks)
			.parallel()
			.mapToObj((chunk) -> scan(unit, dimension, query, (int) ((long) rows * chunk / chunks),
					(int) ((long) rows * (chunk + 1) / chunks), k, excluded, unknownRow))
			.reduce((left, right) -> {
				left.addAll(right);
				return left;
			})
			.orElseThrow();
	}

	static TopK scan(float[] unit, int dimension, float[] query, int from, int to, int k, int[] excluded,
			int unknownRow) {
		TopK best = new TopK(k);
		for (int row = from; row < to; row++) {
			float score = dot(unit, row * dimension, query, dimension);
			// Exclusions are checked only for rows that would make the cut: a handful per
			// query.
			if (best.accepts(row, score) && row != unknownRow && !contains(excluded, row)) {
				best.offer(row, score);
			}
		}
		return best;
	}

	// Four independent sums let the CPU overlap the additions; one sum is a chain of
	// dependent adds and runs at a quarter of the speed.
	static float dot(float[] matrix, int offset, float[] query, int dimension) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < dimension; i += 4) {
			s0 += matrix[offset + i] * query[i];
			s1 += matrix[offset + i + 1] * query[i + 1];
			s2 += matrix[offset + i + 2] * query[i + 2];
			s3 += matrix[offset + i + 3] * query[i + 3];
		}
		for (; i < dimension; i++) {
			s0 += matrix[offset + i] * query[i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	private static boolean contains(int[] rows, int row) {
		for (int candidate : rows) {
			if (candidate == row) {
				return true;
			}
		}
		return false;
	}

}
