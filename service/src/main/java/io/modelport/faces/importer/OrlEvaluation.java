package io.modelport.faces.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fixed ORL protocol for an imported verifier (written down before any figure was
 * seen; docs/faces.md). The identities are shuffled with seed {@value #SEED} and cut into
 * {@value #FOLDS} folds. For each fold, τ is the threshold that maximises balanced
 * accuracy on every same/different pair of the other folds' identities, and is measured
 * on every pair of the fold's own, unseen identities. The table gives the mean balanced
 * accuracy over the folds, the ROC AUC over the pooled unseen pairs, and 1:K rank-1
 * identification with one enrolled image per person (each of the images in turn, the
 * others as probes, all identities in the gallery). The shipped τ is the mean of the
 * folds' τ.
 *
 * @author Modelport Team
 */
final class OrlEvaluation {

	static final long SEED = 20;

	static final int FOLDS = 5;

	private OrlEvaluation() {
	}

	/**
	 * Lists the data set: one folder per identity, its images in natural order.
	 * @param root the folder
	 * @return per identity, its image files
	 * @throws IOException when the folder cannot be listed
	 */
	static List<List<Path>> identities(Path root) throws IOException {
		List<List<Path>> identities = new ArrayList<>();
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted(OrlEvaluation::natural).toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					List<Path> images = files.filter(Files::isRegularFile)
						.filter((f) -> f.getFileName().toString().matches("(?i).+\\.(pgm|png|jpe?g)"))
						.sorted(OrlEvaluation::natural)
						.toList();
					if (images.size() >= 2) {
						identities.add(images);
					}
				}
			}
		}
		return identities;
	}

	private static int natural(Path a, Path b) {
		String x = a.getFileName().toString();
		String y = b.getFileName().toString();
		return (x.length() != y.length()) ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
	}

	/**
	 * Scores embeddings under the protocol.
	 * @param embeddings per identity, per image, an L2-normalised embedding
	 * @return the figures
	 */
	static Figures evaluate(List<List<float[]>> embeddings) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < embeddings.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(SEED));
		List<Double> thresholds = new ArrayList<>();
		double sum = 0;
		double min = 1;
		List<double[]> pooledSame = new ArrayList<>();
		List<double[]> pooledDifferent = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			List<Integer> test = new ArrayList<>();
			List<Integer> calibration = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				((i % FOLDS == fold) ? test : calibration).add(order.get(i));
			}
			Pairs calib = Pairs.of(embeddings, calibration);
			double tau = calib.bestBalancedThreshold();
			Pairs unseen = Pairs.of(embeddings, test);
			double accuracy = unseen.balancedAccuracy(tau);
			thresholds.add(tau);
			sum += accuracy;
			min = Math.min(min, accuracy);
			pooledSame.add(unseen.same());
			pooledDifferent.add(unseen.different());
		}
		Pairs pooled = new Pairs(concat(pooledSame), concat(pooledDifferent));
		List<Integer> all = new ArrayList<>(order);
		double tau = thresholds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		return new Figures(sum / FOLDS, min, pooled.auc(), Pairs.of(embeddings, all).auc(), rank1(embeddings), tau,
				thresholds, pooled.same().length + pooled.different().length);
	}

	static double rank1(List<List<float[]>> embeddings) {
		int correct = 0;
		int total = 0;
		int images = embeddings.stream().mapToInt(List::size).min().orElse(0);
		for (int enrolled = 0; enrolled < images; enrolled++) {
			for (int person = 0; person < embeddings.size(); person++) {
				for (int probe = 0; probe < embeddings.get(person).size(); probe++) {
					if (probe == enrolled) {
						continue;
					}
					float[] query = embeddings.get(person).get(probe);
					int best = -1;
					double bestDistance = Double.MAX_VALUE;
					for (int other = 0; other < embeddings.size(); other++) {
						double d = Pairs.distance(query, embeddings.get(other).get(enrolled));
						if (d < bestDistance) {
							bestDistance = d;
							best = other;
						}
					}
					correct += (best == person) ? 1 : 0;
					total++;
				}
			}
		}
		return (double) correct / total;
	}

	private static double[] concat(List<double[]> parts) {
		return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
	}

	static void print(PrintStream out, String name, Figures f) {
		out.printf("%-28s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", name, f.balancedAccuracy(), f.minBalancedAccuracy(),
				f.auc(), f.aucAll(), f.rank1(), f.threshold());
	}

	static void header(PrintStream out) {
		out.printf("%-28s %9s %9s %9s %9s %9s %9s%n", "embedding", "bal.acc", "worst", "AUC", "AUC(all)", "rank-1",
				"tau");
	}

	/**
	 * The figures of one embedding of the data set.
	 *
	 * @param balancedAccuracy mean over folds of the balanced accuracy at the folds' τ
	 * @param minBalancedAccuracy the worst fold's
	 * @param auc ROC AUC over every pair within each fold, pooled
	 * @param aucAll ROC AUC over every pair of all identities (τ-free)
	 * @param rank1 1:K rank-1 identification accuracy
	 * @param threshold the mean of the folds' τ
	 * @param thresholds each fold's τ
	 * @param pairs the number of pairs scored in the unseen folds
	 */
	record Figures(double balancedAccuracy, double minBalancedAccuracy, double auc, double aucAll, double rank1,
			double threshold, List<Double> thresholds, int pairs) {

	}

}
