package io.modelport.faces.training;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The triplet loss of a mini-batch on NDArrays, so gradients flow back to the embedding
 * network: L2-normalise the embeddings, take all pairwise squared distances, mine
 * triplets on a detached copy of the distances with {@link TripletMining}, gather the
 * chosen d(A, P) and d(A, N) from the NDArray and average the hinge max(d(A, P) - d(A, N)
 * + α, 0) over the mined triplets.
 *
 * @author Modelport Team
 */
public final class TripletLoss {

	// Keeps the normalisation of an all-zero embedding finite.
	private static final float EPSILON = 1e-12f;

	private TripletLoss() {
	}

	/**
	 * Scales every row to unit length.
	 * @param embeddings {@code [B, D]}
	 * @return the unit rows, {@code [B, D]}
	 */
	public static NDArray normalize(NDArray embeddings) {
		NDArray norms = embeddings.square().sum(new int[] { 1 }, true).sqrt().maximum(EPSILON);
		return embeddings.div(norms);
	}

	/**
	 * All pairwise squared Euclidean distances, ‖a‖² + ‖b‖² - 2 a·b, clamped at 0 against
	 * rounding.
	 * @param embeddings {@code [B, D]}
	 * @return {@code [B, B]}
	 */
	public static NDArray squaredDistances(NDArray embeddings) {
		NDArray squares = embeddings.square().sum(new int[] { 1 }, true);
		NDArray products = embeddings.matMul(embeddings.transpose());
		return squares.add(squares.transpose()).sub(products.mul(2)).maximum(0f);
	}

	/**
	 * Mines the triplets of a batch from its distances, read without gradient.
	 * @param distances {@code [B, B]}
	 * @param labels the identity of each batch position
	 * @param mining {@code batch-hard} or {@code semi-hard}
	 * @param margin the margin α
	 * @return the triplets, see {@link TripletMining}
	 */
	public static List<int[]> mine(NDArray distances, int[] labels, String mining, double margin) {
		int n = labels.length;
		float[] flat = distances.toFloatArray();
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				d[i][j] = flat[i * n + j];
			}
		}
		return "semi-hard".equals(mining) ? TripletMining.semiHard(d, labels, margin)
				: TripletMining.batchHard(d, labels);
	}

	/**
	 * The mean hinge loss of some triplets.
	 * @param distances {@code [B, B]}, still attached to the graph
	 * @param triplets the triplets, at least one
	 * @param margin the margin α
	 * @return the scalar loss
	 */
	public static NDArray loss(NDArray distances, List<int[]> triplets, double margin) {
		if (triplets.isEmpty()) {
			throw new IllegalArgumentException("no triplets to average");
		}
		long n = distances.getShape().get(0);
		long[] positives = new long[triplets.size()];
		long[] negatives = new long[triplets.size()];
		for (int t = 0; t < positives.length; t++) {
			int[] triplet = triplets.get(t);
			positives[t] = triplet[0] * n + triplet[1];
			negatives[t] = triplet[0] * n + triplet[2];
		}
		NDManager manager = distances.getManager();
		NDArray flat = distances.reshape(-1);
		NDArray dAP = flat.take(manager.create(positives));
		NDArray dAN = flat.take(manager.create(negatives));
		return dAP.sub(dAN).add((float) margin).maximum(0f).mean();
	}

}
