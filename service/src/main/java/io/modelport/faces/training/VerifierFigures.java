package io.modelport.faces.training;

import java.util.LinkedHashMap;
import java.util.Map;

import io.modelport.embeddings.Embeddings;
import io.modelport.faces.VerificationMetrics;

/**
 * One network's figures on a fine-tune's test identities, which neither training nor
 * calibration has seen: scored on every same-person and every different-person pair of
 * those identities, at the threshold τ calibrated for that network on the dev identities.
 *
 * @param rocAuc the ROC AUC
 * @param eer the equal error rate
 * @param tarAtFar1e3 the true accept rate at a false accept rate of at most 0.001
 * @param accuracy the balanced accuracy at τ: the mean of the true accept rate and the
 * true reject rate (every different pair would otherwise outweigh the same pairs)
 * @param threshold τ, calibrated on the dev identities
 * @author Modelport Team
 */
public record VerifierFigures(double rocAuc, double eer, double tarAtFar1e3, double accuracy, double threshold) {

	/** The false accept rate of {@link #tarAtFar1e3}. */
	public static final double FAR = 1e-3;

	/**
	 * Measures a network.
	 * @param devEmbeddings the dev identities' unit embeddings
	 * @param devPairs the dev pairs τ is calibrated on
	 * @param testEmbeddings the test identities' unit embeddings
	 * @param testLabels their identities
	 * @param faces the face settings (the threshold rule)
	 * @return the figures
	 */
	static VerifierFigures measure(float[][] devEmbeddings, VerificationPairs devPairs, float[][] testEmbeddings,
			int[] testLabels, FaceSettings faces) {
		VerificationMetrics dev = new VerificationMetrics(devPairs.distances(devEmbeddings), devPairs.sameFlags());
		double threshold = FaceReports.round(FaceTraining.threshold(dev, faces));
		int pairs = testLabels.length * (testLabels.length - 1) / 2;
		double[] distances = new double[pairs];
		boolean[] same = new boolean[pairs];
		fill(testEmbeddings, testLabels, distances, same);
		VerificationMetrics test = new VerificationMetrics(distances, same);
		double accuracy = (FaceReports.acceptedShare(distances, same, true, threshold) + 1
				- FaceReports.acceptedShare(distances, same, false, threshold)) / 2;
		return new VerifierFigures(FaceReports.round(test.rocAuc()), FaceReports.round(test.equalErrorRate()),
				FaceReports.round(test.tarAtFar(FAR)), FaceReports.round(accuracy), threshold);
	}

	/**
	 * The metrics of every pair of a set of faces.
	 * @param embeddings the unit embeddings
	 * @param labels the identities
	 * @return the metrics
	 */
	static VerificationMetrics allPairs(float[][] embeddings, int[] labels) {
		int pairs = labels.length * (labels.length - 1) / 2;
		double[] distances = new double[pairs];
		boolean[] same = new boolean[pairs];
		fill(embeddings, labels, distances, same);
		return new VerificationMetrics(distances, same);
	}

	private static void fill(float[][] embeddings, int[] labels, double[] distances, boolean[] same) {
		int k = 0;
		for (int i = 0; i < labels.length; i++) {
			for (int j = i + 1; j < labels.length; j++) {
				distances[k] = Embeddings.squaredDistance(embeddings[i], embeddings[j]);
				same[k++] = labels[i] == labels[j];
			}
		}
	}

	/**
	 * The figures as a report or provenance lists them.
	 * @return the figures by name
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("testAuc", this.rocAuc);
		map.put("testEer", this.eer);
		map.put("testTarAtFar1e-3", this.tarAtFar1e3);
		map.put("testAccuracy", this.accuracy);
		map.put("threshold", this.threshold);
		return map;
	}

}
