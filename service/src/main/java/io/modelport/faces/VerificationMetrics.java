package io.modelport.faces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well distances separate same-person from different-person pairs. A pair is accepted
 * as the same person when its distance d is at most the threshold τ (d ≤ τ).
 * <p>
 * Built once from the pair distances and labels, which are copied and sorted, so the
 * object is immutable and every question is answered by binary search. Rates follow the
 * biometrics names: the false match (accept) rate is the share of different pairs
 * accepted, the false non-match rate the share of same pairs rejected, and the true
 * accept rate the share of same pairs accepted.
 *
 * @author Modelport Team
 */
public final class VerificationMetrics {

	/**
	 * Rounding slack when turning a rate into a pair count, so that 0.29 × 100 allows 29
	 * pairs and not 28.
	 */
	private static final double COUNT_SLACK = 1e-9;

	private final double[] same;

	private final double[] different;

	/**
	 * Creates the metrics of a set of evaluation pairs.
	 * @param distances the distance of each pair
	 * @param same whether each pair shows one person
	 * @throws IllegalArgumentException when the arrays differ in length, a distance is
	 * NaN, or there is no same or no different pair
	 */
	public VerificationMetrics(double[] distances, boolean[] same) {
		if (distances.length != same.length) {
			throw new IllegalArgumentException(
					distances.length + " distances but " + same.length + " same/different labels");
		}
		int sameCount = 0;
		for (int i = 0; i < distances.length; i++) {
			if (Double.isNaN(distances[i])) {
				throw new IllegalArgumentException("distance " + i + " is NaN");
			}
			sameCount += (same[i]) ? 1 : 0;
		}
		if (sameCount == 0 || sameCount == distances.length) {
			throw new IllegalArgumentException("verification needs both same-person and different-person pairs");
		}
		this.same = new double[sameCount];
		this.different = new double[distances.length - sameCount];
		for (int i = 0, s = 0, d = 0; i < distances.length; i++) {
			if (same[i]) {
				this.same[s++] = distances[i];
			}
			else {
				this.different[d++] = distances[i];
			}
		}
		Arrays.sort(this.same);
		Arrays.sort(this.different);
	}

	/**
	 * The share of pairs classified correctly at a threshold.
	 * @param threshold τ; a pair is called "same" when d ≤ τ
	 * @return the accuracy, 0 to 1
	 */
	public double accuracyAt(double threshold) {
		int correct = atMost(this.same, threshold) + (this.different.length - atMost(this.different, threshold));
		return (double) correct / (this.same.length + this.different.length);
	}

	/**
	 * The threshold with the best accuracy. Accuracy only changes at an observed
	 * distance, so the candidates are the midpoints between neighbouring distinct
	 * distances (a margin on both sides), plus "accept nothing" (just below the smallest
	 * distance) and "accept everything" (the largest distance).
	 * @return the best threshold; on ties the smallest, the stricter verifier
	 */
	public double bestAccuracyThreshold() {
		double[] distinct = distinctDistances();
		double best = Math.nextDown(distinct[0]);
		double bestAccuracy = accuracyAt(best);
		for (int i = 0; i < distinct.length; i++) {
			double candidate = (i + 1 < distinct.length) ? (distinct[i] + distinct[i + 1]) / 2 : distinct[i];
			double accuracy = accuracyAt(candidate);
			if (accuracy > bestAccuracy) {
				best = candidate;
				bestAccuracy = accuracy;
			}
		}
		return best;
	}

	/**
	 * The largest threshold whose false match rate on the different pairs is at most
	 * {@code far}: just below the distance of the first different pair that would exceed
	 * the allowance ({@code Math.nextDown} of it, which also keeps tied pairs out).
	 * @param far the allowed false match rate, 0 to 1
	 * @return the threshold, or {@link Double#POSITIVE_INFINITY} when the allowance
	 * covers every different pair
	 */
	public double thresholdAtFalseMatchRate(double far) {
		if (!(far >= 0 && far <= 1)) {
			throw new IllegalArgumentException("false match rate must be between 0 and 1, not " + far);
		}
		int allowed = (int) Math.floor(far * this.different.length + COUNT_SLACK);
		return (allowed >= this.different.length) ? Double.POSITIVE_INFINITY : Math.nextDown(this.different[allowed]);
	}

	/**
	 * The true accept rate at {@link #thresholdAtFalseMatchRate(double)}.
	 * @param far the allowed false match rate, 0 to 1
	 * @return the share of same pairs accepted there
	 */
	public double tarAtFar(double far) {
		return (double) atMost(this.same, thresholdAtFalseMatchRate(far)) / this.same.length;
	}

	/**
	 * The ROC curve: one point per distinct distance, reached by accepting every pair up
	 * to it, from (0, 0) (accept nothing) to (1, 1) (accept everything).
	 * @return the points, ordered by false accept rate (and true accept rate)
	 */
	public List<RocPoint> rocCurve() {
		List<RocPoint> curve = new ArrayList<>();
		curve.add(new RocPoint(0, 0));
		for (double threshold : distinctDistances()) {
			curve.add(new RocPoint((double) atMost(this.different, threshold) / this.different.length,
					(double) atMost(this.same, threshold) / this.same.length));
		}
		return curve;
	}

	/**
	 * The area under the ROC curve: the probability that a random same pair is closer
	 * than a random different pair, ties counting one half (the trapezoids over tied
	 * distances count exactly that half).
	 * @return the AUC, 0 to 1
	 */
	public double rocAuc() {
		return areaUnder(rocCurve());
	}

	/**
	 * The equal error rate: where the false match rate equals the false non-match rate (1
	 * - TAR), interpolated linearly along the ROC segment that crosses it.
	 * @return the EER, 0 to 1
	 */
	public double equalErrorRate() {
		List<RocPoint> curve = rocCurve();
		for (int i = 1; i < curve.size(); i++) {
			RocPoint from = curve.get(i - 1);
			RocPoint to = curve.get(i);
			// gap = FMR - FNMR grows from -1 at (0, 0) to +1 at (1, 1).
			double fromGap = from.far() + from.tar() - 1;
			double toGap = to.far() + to.tar() - 1;
			if (toGap >= 0) {
				double t = (toGap == fromGap) ? 1 : -fromGap / (toGap - fromGap);
				return from.far() + t * (to.far() - from.far());
			}
		}
		throw new IllegalStateException("the ROC curve does not reach (1, 1)");
	}

	/**
	 * The trapezoidal area under a ROC curve.
	 * @param curve the points, ordered by false accept rate
	 * @return the area
	 */
	public static double areaUnder(List<RocPoint> curve) {
		double area = 0;
		for (int i = 1; i < curve.size(); i++) {
			RocPoint from = curve.get(i - 1);
			RocPoint to = curve.get(i);
			area += (to.far() - from.far()) * (from.tar() + to.tar()) / 2;
		}
		return area;
	}

	private double[] distinctDistances() {
		double[] all = new double[this.same.length + this.different.length];
		System.arraycopy(this.same, 0, all, 0, this.same.length);
		System.arraycopy(this.different, 0, all, this.same.length, this.different.length);
		return Arrays.stream(all).sorted().distinct().toArray();
	}

	// The number of values ≤ threshold in a sorted array (binary search).
	private static int atMost(double[] sorted, double threshold) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted[middle] <= threshold) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

}
