package io.modelport.faces.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every same-person and different-person pair of a set of identities, as squared
 * Euclidean distances between unit embeddings (d ≤ τ accepts a pair as the same person).
 *
 * @param same the same-person distances
 * @param different the different-person distances
 * @author Modelport Team
 */
record Pairs(double[] same, double[] different) {

	static Pairs of(List<List<float[]>> embeddings, List<Integer> identities) {
		List<Double> same = new ArrayList<>();
		List<Double> different = new ArrayList<>();
		for (int a = 0; a < identities.size(); a++) {
			List<float[]> first = embeddings.get(identities.get(a));
			for (int i = 0; i < first.size(); i++) {
				for (int j = i + 1; j < first.size(); j++) {
					same.add(distance(first.get(i), first.get(j)));
				}
				for (int b = a + 1; b < identities.size(); b++) {
					for (float[] other : embeddings.get(identities.get(b))) {
						different.add(distance(first.get(i), other));
					}
				}
			}
		}
		return new Pairs(same.stream().mapToDouble(Double::doubleValue).toArray(),
				different.stream().mapToDouble(Double::doubleValue).toArray());
	}

	static double distance(float[] x, float[] y) {
		double sum = 0;
		for (int i = 0; i < x.length; i++) {
			double d = x[i] - y[i];
			sum += d * d;
		}
		return sum;
	}

	double balancedAccuracy(double tau) {
		long accepted = Arrays.stream(this.same).filter((d) -> d <= tau).count();
		long rejected = Arrays.stream(this.different).filter((d) -> d > tau).count();
		return 0.5 * accepted / this.same.length + 0.5 * rejected / this.different.length;
	}

	/**
	 * The τ with the best balanced accuracy: candidates are the midpoints between
	 * consecutive observed distances, so τ never sits on a calibration pair.
	 * @return τ
	 */
	double bestBalancedThreshold() {
		double[] all = new double[this.same.length + this.different.length];
		System.arraycopy(this.same, 0, all, 0, this.same.length);
		System.arraycopy(this.different, 0, all, this.same.length, this.different.length);
		Arrays.sort(all);
		double best = -1;
		double tau = all[0];
		for (int i = 0; i + 1 < all.length; i++) {
			double candidate = (all[i] + all[i + 1]) / 2;
			double accuracy = balancedAccuracy(candidate);
			if (accuracy > best) {
				best = accuracy;
				tau = candidate;
			}
		}
		return tau;
	}

	/**
	 * ROC AUC: the probability that a random same pair is closer than a random different
	 * pair, ties counting half (the Mann-Whitney statistic).
	 * @return the AUC
	 */
	double auc() {
		double[] different = this.different.clone();
		Arrays.sort(different);
		double wins = 0;
		for (double d : this.same) {
			int above = different.length - upper(different, d);
			int ties = upper(different, d) - lower(different, d);
			wins += above + 0.5 * ties;
		}
		return wins / ((double) this.same.length * different.length);
	}

	private static int lower(double[] sorted, double value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static int upper(double[] sorted, double value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] <= value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
