package io.modelport.faces;

import java.util.Map;

import io.modelport.store.InvalidModelException;

/**
 * The serving parameters of a face verifier descriptor: the calibrated threshold τ on the
 * squared Euclidean distance between L2-normalised embeddings (so 0 ≤ d ≤ 4; d ≤ τ means
 * the same person) and, when known, the embedding size.
 *
 * @param threshold the calibrated τ
 * @param embeddingSize the embedding size, 0 when the descriptor does not say
 * @author Modelport Team
 */
public record VerifierSettings(double threshold, int embeddingSize) {

	/** The largest squared distance between two unit vectors. */
	public static final double MAX_DISTANCE = 4.0;

	/**
	 * The one distance supported: the squared distance ‖f(x₁) − f(x₂)‖²
	 * (docs/ml-notes.md, "Face verification").
	 */
	public static final String SQUARED_L2 = "squared-l2";

	/**
	 * Reads the settings from descriptor parameters.
	 * @param parameters the descriptor parameters
	 * @return the settings
	 * @throws InvalidModelException when the threshold is missing or out of range, or the
	 * distance is not {@code squared-l2}
	 */
	public static VerifierSettings fromParameters(Map<String, Object> parameters) {
		Object distance = parameters.getOrDefault("distance", SQUARED_L2);
		if (!SQUARED_L2.equals(distance)) {
			throw new InvalidModelException(
					"a face verifier's distance must be '" + SQUARED_L2 + "', not '" + distance + "'");
		}
		if (!(parameters.get("threshold") instanceof Number threshold)) {
			throw new InvalidModelException("a face verifier descriptor needs a numeric parameter 'threshold'");
		}
		if (!validThreshold(threshold.doubleValue())) {
			throw new InvalidModelException("the threshold must be in [0, 4], not " + threshold);
		}
		Object size = parameters.get("embeddingSize");
		if (size != null && !(size instanceof Integer count && count > 0)) {
			throw new InvalidModelException("embeddingSize must be a positive integer, not " + size);
		}
		return new VerifierSettings(threshold.doubleValue(), (size != null) ? (Integer) size : 0);
	}

	/**
	 * Tells whether a threshold can separate squared distances of unit vectors.
	 * @param threshold the threshold
	 * @return {@code true} when it is in [0, 4]
	 */
	public static boolean validThreshold(double threshold) {
		return threshold >= 0 && threshold <= MAX_DISTANCE;
	}

}
