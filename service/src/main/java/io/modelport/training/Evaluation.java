package io.modelport.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A confusion matrix and the figures derived from it (docs/ml-notes.md, "Evaluation"):
 * accuracy, and per-class precision, recall and F1, macro-averaged.
 *
 * @param confusion counts, row = true class, column = predicted class
 * @author Modelport Team
 */
public record Evaluation(long[][] confusion) {

	/**
	 * Builds an evaluation from predictions.
	 * @param classes the number of classes
	 * @param truth the true classes
	 * @param predicted the predicted classes
	 * @return the evaluation
	 */
	public static Evaluation of(int classes, int[] truth, int[] predicted) {
		long[][] confusion = new long[classes][classes];
		for (int i = 0; i < truth.length; i++) {
			confusion[truth[i]][predicted[i]]++;
		}
		return new Evaluation(confusion);
	}

	/**
	 * The fraction of correct predictions.
	 * @return the accuracy
	 */
	public double accuracy() {
		long correct = 0;
		long total = 0;
		for (int i = 0; i < this.confusion.length; i++) {
			for (int j = 0; j < this.confusion.length; j++) {
				total += this.confusion[i][j];
				correct += (i == j) ? this.confusion[i][j] : 0;
			}
		}
		return (total > 0) ? (double) correct / total : 0;
	}

	/**
	 * Precision tp/(tp+fp) of one class.
	 * @param c the class
	 * @return the precision, 0 when the class is never predicted
	 */
	public double precision(int c) {
		long predicted = 0;
		for (long[] row : this.confusion) {
			predicted += row[c];
		}
		return (predicted > 0) ? (double) this.confusion[c][c] / predicted : 0;
	}

	/**
	 * Recall tp/(tp+fn) of one class.
	 * @param c the class
	 * @return the recall, 0 when the class never occurs
	 */
	public double recall(int c) {
		long actual = 0;
		for (long count : this.confusion[c]) {
			actual += count;
		}
		return (actual > 0) ? (double) this.confusion[c][c] / actual : 0;
	}

	/**
	 * The harmonic mean of precision and recall of one class.
	 * @param c the class
	 * @return the F1 score
	 */
	public double f1(int c) {
		double p = precision(c);
		double r = recall(c);
		return (p + r > 0) ? 2 * p * r / (p + r) : 0;
	}

	/**
	 * The unweighted mean of the per-class F1 scores.
	 * @return macro F1
	 */
	public double macroF1() {
		double sum = 0;
		for (int c = 0; c < this.confusion.length; c++) {
			sum += f1(c);
		}
		return sum / this.confusion.length;
	}

	/**
	 * Per-class figures keyed by label, rounded to 4 decimals, for a descriptor.
	 * @param labels the class labels
	 * @return label to {precision, recall, f1}
	 */
	public Map<String, Object> perClass(List<String> labels) {
		Map<String, Object> result = new LinkedHashMap<>();
		for (int c = 0; c < this.confusion.length; c++) {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("precision", round(precision(c)));
			figures.put("recall", round(recall(c)));
			figures.put("f1", round(f1(c)));
			result.put(labels.get(c), figures);
		}
		return result;
	}

	/**
	 * The area under the ROC curve of a binary classifier (docs/ml-notes.md,
	 * "Evaluation"), computed as the probability that a random positive scores above a
	 * random negative (ties count half).
	 * @param scores the score of the positive class per example
	 * @param truth the true classes, 1 = positive
	 * @return the AUC, or {@code NaN} when one class is absent
	 */
	public static double rocAuc(double[] scores, int[] truth) {
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double averageRank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (truth[order[k]] == 1) {
					rankSum += averageRank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.length - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/**
	 * Rounds a figure to 4 decimals.
	 * @param value the figure
	 * @return the rounded figure
	 */
	public static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
