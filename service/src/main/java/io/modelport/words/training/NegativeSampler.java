package io.modelport.words.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * Draws negative words with P(w) = count(w)^p / Σ count^p (docs/ml-notes.md, "Word
 * vectors": p = 0.75 by default, configurable). Uses Walker's alias method (Vose's
 * construction): one uniform row and one uniform number per draw, O(1) whatever the
 * vocabulary size, and exact where the C tool's 10⁸-entry table rounds every probability
 * to 10⁻⁸. Immutable and thread-safe; each thread brings its own random generator.
 *
 * @author Modelport Team
 */
public final class NegativeSampler {

	/**
	 * The exponent of the word2vec paper and C tool.
	 */
	public static final double DEFAULT_POWER = 0.75;

	private final double[] probabilities;

	private final double[] threshold;

	private final int[] alias;

	/**
	 * A sampler over a vocabulary's counts.
	 * @param counts the count of every row; rows with count 0 are never drawn
	 * @param power the exponent p: 1 draws by frequency, 0 uniformly over seen words
	 * @throws IllegalArgumentException when no count is positive or p is negative
	 */
	public NegativeSampler(long[] counts, double power) {
		if (!(power >= 0) || Double.isInfinite(power)) {
			throw new IllegalArgumentException("the sampling power must be a finite number ≥ 0, was " + power);
		}
		int size = counts.length;
		double[] weights = new double[size];
		double sum = 0;
		for (int i = 0; i < size; i++) {
			// count 0 stays 0 even for p = 0, where Math.pow(0, 0) would give 1.
			weights[i] = (counts[i] > 0) ? Math.pow(counts[i], power) : 0;
			sum += weights[i];
		}
		if (sum == 0) {
			throw new IllegalArgumentException("negative sampling needs at least one word with a positive count");
		}
		this.probabilities = new double[size];
		this.threshold = new double[size];
		this.alias = new int[size];
		Deque<Integer> small = new ArrayDeque<>();
		Deque<Integer> large = new ArrayDeque<>();
		double[] scaled = new double[size];
		for (int i = 0; i < size; i++) {
			this.probabilities[i] = weights[i] / sum;
			scaled[i] = this.probabilities[i] * size;
			((scaled[i] < 1) ? small : large).push(i);
		}
		// Each column i holds i with probability threshold[i] and alias[i] otherwise; a
		// small
		// column is topped up from a large one until every column is exactly full.
		while (!small.isEmpty() && !large.isEmpty()) {
			int less = small.pop();
			int more = large.pop();
			this.threshold[less] = scaled[less];
			this.alias[less] = more;
			scaled[more] = (scaled[more] + scaled[less]) - 1;
			((scaled[more] < 1) ? small : large).push(more);
		}
		// What is left is 1 up to rounding error, but a word that may never be drawn must
		// not become certain through it: it goes to the likeliest word instead.
		int likeliest = 0;
		for (int i = 1; i < size; i++) {
			likeliest = (weights[i] > weights[likeliest]) ? i : likeliest;
		}
		for (int i : large) {
			this.threshold[i] = 1;
			this.alias[i] = i;
		}
		for (int i : small) {
			this.threshold[i] = (weights[i] > 0) ? 1 : 0;
			this.alias[i] = (weights[i] > 0) ? i : likeliest;
		}
	}

	/**
	 * How many rows the sampler draws from.
	 * @return the vocabulary size
	 */
	public int size() {
		return this.probabilities.length;
	}

	/**
	 * The probability of drawing a row.
	 * @param row the row
	 * @return count^p / Σ count^p
	 */
	public double probability(int row) {
		return this.probabilities[row];
	}

	/**
	 * Draws one row. The trainer skips a draw equal to the positive word, as the C tool
	 * does, rather than drawing again.
	 * @param random the source of randomness
	 * @return the row
	 */
	public int sample(RandomGenerator random) {
		int column = random.nextInt(this.alias.length);
		return (random.nextDouble() < this.threshold[column]) ? column : this.alias[column];
	}

}
