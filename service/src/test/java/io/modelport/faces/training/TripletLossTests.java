package io.modelport.faces.training;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The NDArray triplet loss against values worked out by hand on four 2-D points: x0 = (0,
 * 0) and x1 = (1, 0) of person 0, x2 = (0, 2) and x3 = (3, 0) of person 1. Squared
 * distances: d01 = 1, d02 = 4, d03 = 9, d12 = 5, d13 = 4, d23 = 13.
 *
 * @author Modelport Team
 */
class TripletLossTests {

	private static final float[] POINTS = { 0, 0, 1, 0, 0, 2, 3, 0 };

	private static final int[] LABELS = { 0, 0, 1, 1 };

	@Test
	void pairwiseSquaredDistancesMatchTheHandValues() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			float[] d = TripletLoss.squaredDistances(points(manager)).toFloatArray();
			assertThat(d).containsExactly(new float[] { 0, 1, 4, 9, 1, 0, 5, 4, 4, 5, 0, 13, 9, 4, 13, 0 },
					within(1e-5f));
		}
	}

	@Test
	void normalizeScalesRowsToUnitLengthAndKeepsZeroRowsFinite() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray rows = manager.create(new float[] { 3, 4, 0, 0 }, new Shape(2, 2));
			assertThat(TripletLoss.normalize(rows).toFloatArray()).containsExactly(new float[] { 0.6f, 0.8f, 0, 0 },
					within(1e-6f));
		}
	}

	@Test
	void batchHardTakesTheFurthestPositiveAndNearestNegativeAndAveragesTheHinge() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray d = TripletLoss.squaredDistances(points(manager));
			List<int[]> triplets = TripletLoss.mine(d, LABELS, "batch-hard", 1);
			assertThat(triplets).containsExactly(new int[] { 0, 1, 2 }, new int[] { 1, 0, 3 }, new int[] { 2, 3, 0 },
					new int[] { 3, 2, 1 });
			// max(1 - 4 + 1, 0) = 0, max(1 - 4 + 1, 0) = 0, 13 - 4 + 1 = 10, 13 - 4 + 1 =
			// 10.
			assertThat(TripletLoss.loss(d, triplets, 1).getFloat()).isCloseTo(5f, within(1e-5f));
		}
	}

	@Test
	void semiHardKeepsNegativesInsideTheMarginOnly() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray d = TripletLoss.squaredDistances(points(manager));
			// α = 5: anchor 0 (d01 = 1) takes x2 (4 in (1, 6)), anchor 1 takes x3 (4 <
			// 5);
			// anchors 2 and 3 (d23 = 13) have no negative in (13, 18).
			List<int[]> triplets = TripletLoss.mine(d, LABELS, "semi-hard", 5);
			assertThat(triplets).containsExactly(new int[] { 0, 1, 2 }, new int[] { 1, 0, 3 });
			assertThat(TripletLoss.loss(d, triplets, 5).getFloat()).isCloseTo(2f, within(1e-5f));
			assertThat(TripletLoss.mine(d, LABELS, "semi-hard", 1)).isEmpty();
		}
	}

	@Test
	void gradientsFlowThroughTheGatheredDistances() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			NDArray x = points(manager);
			x.setRequiresGradient(true);
			try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
				NDArray d = TripletLoss.squaredDistances(x);
				NDArray loss = TripletLoss.loss(d, TripletLoss.mine(d, LABELS, "batch-hard", 1), 1);
				collector.backward(loss);
			}
			// Only the two active triplets count: L = (2·d23 - d20 - d31 + 2) / 4, so
			// ∂L/∂x0 = (x0 - x2)·(-1/2), ∂L/∂x1 = (x1 - x3)·(-1/2),
			// ∂L/∂x2 = (x2 - x3) - (x2 - x0)/2, ∂L/∂x3 = (x3 - x2) - (x3 - x1)/2.
			assertThat(x.getGradient().toFloatArray()).containsExactly(new float[] { 0, 1, 1, 0, -3, 1, 2, -2 },
					within(1e-4f));
		}
	}

	private static NDArray points(NDManager manager) {
		return manager.create(POINTS, new Shape(4, 2));
	}

}
