package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.List;

import io.modelport.embeddings.Embeddings;

/**
 * Chooses the triplets (anchor, positive, negative) of a P × K batch from the squared
 * distances between its embeddings. Random triplets are mostly already satisfied and
 * teach nothing, so training mines triplets that still violate the margin: either the
 * hardest per anchor (batch-hard) or FaceNet's semi-hard negatives.
 * <p>
 * Every triplet is an {@code int[] {anchor, positive, negative}} of batch positions. On
 * equal distances the lowest position wins, so mining is deterministic.
 *
 * @author Modelport Team
 */
public final class TripletMining {

	private TripletMining() {
	}

	/**
	 * The triplet hinge loss max(d(A, P) - d(A, N) + α, 0): zero once the negative is at
	 * least the margin further from the anchor than the positive.
	 * @param dAP the squared distance anchor-positive
	 * @param dAN the squared distance anchor-negative
	 * @param margin the margin α
	 * @return the loss
	 */
	public static double tripletLoss(double dAP, double dAN, double margin) {
		return Math.max(dAP - dAN + margin, 0);
	}

	/**
	 * The squared distances between all embeddings of a batch.
	 * @param embeddings one embedding per batch position
	 * @return the symmetric matrix, zero on the diagonal
	 */
	public static double[][] squaredDistances(float[][] embeddings) {
		int n = embeddings.length;
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				d[i][j] = Embeddings.squaredDistance(embeddings[i], embeddings[j]);
				d[j][i] = d[i][j];
			}
		}
		return d;
	}

	/**
	 * Batch-hard mining: per anchor, the furthest positive and the nearest negative.
	 * Anchors without a positive or a negative in the batch are skipped.
	 * @param d the squared distances of the batch
	 * @param labels the identity of each batch position
	 * @return one triplet per anchor that has both
	 */
	public static List<int[]> batchHard(double[][] d, int[] labels) {
		check(d, labels);
		List<int[]> triplets = new ArrayList<>();
		for (int a = 0; a < labels.length; a++) {
			int positive = -1;
			int negative = -1;
			for (int i = 0; i < labels.length; i++) {
				if (i != a && labels[i] == labels[a] && (positive < 0 || d[a][i] > d[a][positive])) {
					positive = i;
				}
				if (labels[i] != labels[a] && (negative < 0 || d[a][i] < d[a][negative])) {
					negative = i;
				}
			}
			if (positive >= 0 && negative >= 0) {
				triplets.add(new int[] { a, positive, negative });
			}
		}
		return triplets;
	}

	/**
	 * Semi-hard mining (FaceNet): for every anchor-positive pair, the nearest negative
	 * that is further than the positive but still inside the margin, d(a, p) < d(a, n) <
	 * d(a, p) + α. Such a negative still has a loss to learn from, but not the extreme
	 * one of the hardest negatives, which FaceNet found can collapse the model early in
	 * training.
	 * <p>
	 * A pair with no semi-hard negative is skipped: any negative beyond the margin has
	 * zero loss and adds nothing, and falling back to a negative nearer than the positive
	 * would reintroduce the hard negatives this mode avoids. (Use {@link #batchHard} for
	 * those.)
	 * @param d the squared distances of the batch
	 * @param labels the identity of each batch position
	 * @param margin the margin α
	 * @return one triplet per anchor-positive pair that has a semi-hard negative
	 */
	public static List<int[]> semiHard(double[][] d, int[] labels, double margin) {
		check(d, labels);
		List<int[]> triplets = new ArrayList<>();
		for (int a = 0; a < labels.length; a++) {
			for (int p = 0; p < labels.length; p++) {
				if (p == a || labels[p] != labels[a]) {
					continue;
				}
				int negative = -1;
				for (int n = 0; n < labels.length; n++) {
					boolean semiHard = labels[n] != labels[a] && d[a][n] > d[a][p] && d[a][n] < d[a][p] + margin;
					if (semiHard && (negative < 0 || d[a][n] < d[a][negative])) {
						negative = n;
					}
				}
				if (negative >= 0) {
					triplets.add(new int[] { a, p, negative });
				}
			}
		}
		return triplets;
	}

	private static void check(double[][] d, int[] labels) {
		if (d.length != labels.length) {
			throw new IllegalArgumentException(d.length + " distance rows but " + labels.length + " labels");
		}
		for (double[] row : d) {
			if (row.length != labels.length) {
				throw new IllegalArgumentException("the distance matrix is not square");
			}
		}
	}

}
