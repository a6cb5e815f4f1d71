package io.modelport.embeddings;

/**
 * Small helpers on embedding vectors. A verifier compares faces by the squared Euclidean
 * distance between their L2-normalised embeddings, so every distance lies in [0, 4] and a
 * single threshold means the same thing for every pair.
 *
 * @author Modelport Team
 */
public final class Embeddings {

	private Embeddings() {
	}

	/**
	 * The Euclidean length of a vector.
	 * @param vector the vector
	 * @return its L2 norm
	 */
	public static double norm(float[] vector) {
		// Accumulated in double: 128 or more float squares lose precision quickly.
		double sum = 0;
		for (float value : vector) {
			sum += (double) value * value;
		}
		return Math.sqrt(sum);
	}

	/**
	 * A copy of a vector scaled to unit length; the input is left untouched.
	 * @param vector the vector
	 * @return the unit vector, or a zero vector when the input is zero (it has no
	 * direction, and dividing by zero would spread NaN through every distance)
	 */
	public static float[] l2Normalize(float[] vector) {
		double norm = norm(vector);
		float[] unit = new float[vector.length];
		if (norm == 0) {
			return unit;
		}
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}

	/**
	 * The squared Euclidean distance ||a - b||², the verification distance d.
	 * @param a one embedding
	 * @param b the other embedding
	 * @return the squared distance
	 * @throws IllegalArgumentException when the lengths differ
	 */
	public static double squaredDistance(float[] a, float[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException(
					"embeddings of different lengths cannot be compared: " + a.length + " and " + b.length);
		}
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double difference = (double) a[i] - b[i];
			sum += difference * difference;
		}
		return sum;
	}

}
