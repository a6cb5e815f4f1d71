package io.modelport.faces.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link TripletMining} on a hand-built batch of 4 embeddings: 0 and 1 show
 * person A, 2 and 3 person B.
 *
 * @author Modelport Team
 */
class TripletMiningTests {

	private static final int[] LABELS = { 0, 0, 1, 1 };

	// d01 = 0.5, d02 = 0.4, d03 = 1.2, d12 = 0.9, d13 = 0.6, d23 = 0.3
	private static final double[][] D = { { 0, 0.5, 0.4, 1.2 }, { 0.5, 0, 0.9, 0.6 }, { 0.4, 0.9, 0, 0.3 },
			{ 1.2, 0.6, 0.3, 0 } };

	@Test
	void batchHardTakesTheFurthestPositiveAndNearestNegative() {
		List<int[]> triplets = TripletMining.batchHard(D, LABELS);
		// Anchor 0: positive 1; negatives 2 (0.4) and 3 (1.2), nearest 2. Anchor 1:
		// negatives 2 (0.9) and 3 (0.6). Anchor 2: negatives 0 (0.4) and 1 (0.9). Anchor
		// 3: negatives 0 (1.2) and 1 (0.6).
		assertThat(triplets).containsExactly(new int[] { 0, 1, 2 }, new int[] { 1, 0, 3 }, new int[] { 2, 3, 0 },
				new int[] { 3, 2, 1 });
	}

	@Test
	void batchHardSkipsAnchorsWithoutPositive() {
		double[][] d = { { 0, 0.2, 0.5 }, { 0.2, 0, 0.7 }, { 0.5, 0.7, 0 } };
		assertThat(TripletMining.batchHard(d, new int[] { 0, 0, 1 })).containsExactly(new int[] { 0, 1, 2 },
				new int[] { 1, 0, 2 });
	}

	@Test
	void batchHardBreaksTiesByLowestPosition() {
		double[][] d = { { 0, 0.1, 0.5, 0.5 }, { 0.1, 0, 0.5, 0.5 }, { 0.5, 0.5, 0, 0.1 }, { 0.5, 0.5, 0.1, 0 } };
		assertThat(TripletMining.batchHard(d, LABELS).get(0)).containsExactly(0, 1, 2);
	}

	@Test
	void semiHardTakesTheNearestNegativeInsideTheMargin() {
		// Margin 0.2. (0,1): d=0.5, 2 is nearer (0.4), 3 beyond 0.7: none. (1,0): 3 at
		// 0.6
		// lies in (0.5, 0.7). (2,3): d=0.3, 0 at 0.4 lies in (0.3, 0.5). (3,2): 1 at 0.6
		// is beyond 0.5: none.
		assertThat(TripletMining.semiHard(D, LABELS, 0.2)).containsExactly(new int[] { 1, 0, 3 },
				new int[] { 2, 3, 0 });
	}

	@Test
	void semiHardWithAWideMarginPicksTheNearestOfSeveral() {
		// Margin 1.0. (0,1): 3 in (0.5, 1.5). (1,0): 3 (0.6) and 2 (0.9), nearest 3.
		// (2,3): 0 (0.4) and 1 (0.9), nearest 0. (3,2): 1 (0.6) and 0 (1.2), nearest 1.
		assertThat(TripletMining.semiHard(D, LABELS, 1.0)).containsExactly(new int[] { 0, 1, 3 }, new int[] { 1, 0, 3 },
				new int[] { 2, 3, 0 }, new int[] { 3, 2, 1 });
	}

	@Test
	void semiHardIsStrictAtBothEnds() {
		// d(a,n) equal to d(a,p), or to d(a,p) + margin, is not semi-hard.
		double[][] d = { { 0, 0.25, 0.25, 0.5 }, { 0.25, 0, 4, 4 }, { 0.25, 4, 0, 4 }, { 0.5, 4, 4, 0 } };
		assertThat(TripletMining.semiHard(d, new int[] { 0, 0, 1, 1 }, 0.25)).isEmpty();
	}

	@Test
	void tripletLossIsAHingeOnTheMargin() {
		assertThat(TripletMining.tripletLoss(0.5, 0.4, 0.2)).isCloseTo(0.3, within(1e-12));
		assertThat(TripletMining.tripletLoss(0.5, 1.2, 0.2)).isZero();
		// Exactly at the margin the loss reaches 0.
		assertThat(TripletMining.tripletLoss(0.25, 0.5, 0.25)).isZero();
		assertThat(TripletMining.tripletLoss(1.0, 0.0, 0.5)).isEqualTo(1.5);
	}

	@Test
	void squaredDistancesOfEmbeddings() {
		double[][] d = TripletMining.squaredDistances(new float[][] { { 0, 0 }, { 3, 4 }, { 0, 1 } });
		assertThat(d[0]).containsExactly(0, 25, 1);
		assertThat(d[1]).containsExactly(25, 0, 18);
		assertThat(d[2]).containsExactly(1, 18, 0);
	}

	@Test
	void shapesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> TripletMining.batchHard(D, new int[] { 0, 1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TripletMining.semiHard(new double[][] { { 0 }, { 0 } }, new int[] { 0, 1 }, 0.2));
	}

}
