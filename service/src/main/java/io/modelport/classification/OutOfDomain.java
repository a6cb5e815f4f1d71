package io.modelport.classification;

import java.util.Optional;

import io.modelport.store.InputSpec;

/**
 * What a classifier can say about how far an input is from its training data (see
 * docs/out-of-domain.md). None of these is a guarantee: a confidently wrong answer on an
 * unfamiliar input is exactly what softmax models do, which is why the input statistics
 * are measured apart from the model's own probabilities.
 *
 * @param maxProbability the top class's probability
 * @param entropy the entropy of the class distribution, in nats
 * @param normalizedEntropy the entropy divided by its maximum, ln(classes): 0 certain, 1
 * uniform
 * @param inputDistance the larger of the z-scores of the input's pixel mean and pixel
 * standard deviation against the training images, {@code null} when the version has no
 * saved training statistics
 * @param inputDistanceNote why {@code inputDistance} is {@code null}, else {@code null}
 * @author Modelport Team
 */
public record OutOfDomain(double maxProbability, double entropy, double normalizedEntropy, Double inputDistance,
		String inputDistanceNote) {

	/** The note when a version has no saved training statistics. */
	static final String NO_STATISTICS = "this version has no saved training input statistics "
			+ "(parameters.inputStatistics in its descriptor)";

	/**
	 * Measures one answer.
	 * @param probabilities the class probabilities
	 * @param tensor the preprocessed input
	 * @param spec the input spec
	 * @param statistics the version's training statistics, if saved
	 * @return the signals
	 */
	static OutOfDomain of(float[] probabilities, float[] tensor, InputSpec spec, Optional<InputStatistics> statistics) {
		double max = 0;
		double entropy = 0;
		for (float p : probabilities) {
			max = Math.max(max, p);
			if (p > 0) {
				entropy -= p * Math.log(p);
			}
		}
		double normalized = (probabilities.length > 1) ? entropy / Math.log(probabilities.length) : 0;
		Double distance = statistics.map((s) -> round(s.distance(tensor, spec))).orElse(null);
		return new OutOfDomain(round(max), round(entropy), round(normalized), distance,
				(distance != null) ? null : NO_STATISTICS);
	}

	private static double round(double value) {
		return Math.round(value * 1e4) / 1e4;
	}

}
