package io.modelport.words;

/**
 * The inner loop of a nearest-neighbour query: dot products of a unit query with a range
 * of unit rows, fed into a {@link TopK}.
 *
 * @author Modelport Team
 */
final class NearestScan {

	private NearestScan() {
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
