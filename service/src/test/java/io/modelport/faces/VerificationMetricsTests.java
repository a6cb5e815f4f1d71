package io.modelport.faces;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link VerificationMetrics} on a hand-worked set: same-person distances 0.1,
 * 0.2, 0.3, 0.6 and different-person distances 0.4, 0.5, 0.7, 0.8 (given interleaved).
 * Sorted: 0.1s 0.2s 0.3s 0.4d 0.5d 0.6s 0.7d 0.8d.
 *
 * @author Modelport Team
 */
class VerificationMetricsTests {

	private final VerificationMetrics metrics = new VerificationMetrics(
			new double[] { 0.6, 0.4, 0.1, 0.8, 0.3, 0.5, 0.2, 0.7 },
			new boolean[] { true, false, true, false, true, false, true, false });

	@Test
	void accuracyCountsSameAtOrBelowTheThreshold() {
		// τ = 0.35: same 0.1, 0.2, 0.3 accepted (0.6 rejected), all 4 different rejected.
		assertThat(this.metrics.accuracyAt(0.35)).isEqualTo(7 / 8.0);
		// d ≤ τ: the pair at exactly 0.3 is accepted.
		assertThat(this.metrics.accuracyAt(0.3)).isEqualTo(7 / 8.0);
		// τ = 0.55: 3 same accepted, different 0.4 and 0.5 wrongly accepted.
		assertThat(this.metrics.accuracyAt(0.55)).isEqualTo(5 / 8.0);
		assertThat(this.metrics.accuracyAt(0.0)).isEqualTo(0.5);
		assertThat(this.metrics.accuracyAt(1.0)).isEqualTo(0.5);
	}

	@Test
	void bestThresholdIsTheMidpointWithTheBestAccuracy() {
		// Midpoints 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75 give 5, 6, 7, 6, 5, 6, 5
		// correct of 8.
		assertThat(this.metrics.bestAccuracyThreshold()).isCloseTo(0.35, within(1e-12));
	}

	@Test
	void bestThresholdTiesGoToTheSmallest() {
		// Accuracy 1/2 at every candidate threshold.
		VerificationMetrics tied = new VerificationMetrics(new double[] { 0.2, 0.4 }, new boolean[] { false, true });
		assertThat(tied.bestAccuracyThreshold()).isLessThan(0.2);
	}

	@Test
	void aucIsTheShareOfSamePairsCloserThanDifferentPairs() {
		// 0.1, 0.2 and 0.3 beat all 4 different pairs, 0.6 beats 0.7 and 0.8: 14 of 16.
		assertThat(this.metrics.rocAuc()).isCloseTo(14 / 16.0, within(1e-12));
	}

	@Test
	void aucCountsTiesAsOneHalf() {
		VerificationMetrics tied = new VerificationMetrics(new double[] { 0.5, 0.5, 0.2 },
				new boolean[] { true, false, true });
		// 0.2 < 0.5 counts 1, the tie 0.5 = 0.5 counts 1/2: 1.5 of 2.
		assertThat(tied.rocAuc()).isCloseTo(0.75, within(1e-12));
	}

	@Test
	void rocCurveRunsFromOriginToOneOne() {
		List<RocPoint> curve = this.metrics.rocCurve();
		assertThat(curve).hasSize(9);
		assertThat(curve.get(0)).isEqualTo(new RocPoint(0, 0));
		assertThat(curve.get(8)).isEqualTo(new RocPoint(1, 1));
		// At τ = 0.4: 1 of 4 different pairs and 3 of 4 same pairs accepted.
		assertThat(curve.get(4)).isEqualTo(new RocPoint(0.25, 0.75));
		for (int i = 1; i < curve.size(); i++) {
			assertThat(curve.get(i).far()).isGreaterThanOrEqualTo(curve.get(i - 1).far());
			assertThat(curve.get(i).tar()).isGreaterThanOrEqualTo(curve.get(i - 1).tar());
		}
	}

	@Test
	void equalErrorRateWhereBothErrorRatesMeet() {
		// At τ = 0.4 one different pair is accepted (FMR 1/4) and one same pair
		// rejected (FNMR 1/4).
		assertThat(this.metrics.equalErrorRate()).isCloseTo(0.25, within(1e-12));
	}

	@Test
	void equalErrorRateIsInterpolatedBetweenRocPoints() {
		// Same 0.1, 0.2, 0.6; different 0.3, 0.4, 0.5, 0.7. The segment from (1/4, 2/3)
		// to (1/2, 2/3) has FNMR 1/3 throughout and crosses FMR = 1/3 inside.
		VerificationMetrics interpolated = new VerificationMetrics(new double[] { 0.1, 0.2, 0.6, 0.3, 0.4, 0.5, 0.7 },
				new boolean[] { true, true, true, false, false, false, false });
		assertThat(interpolated.equalErrorRate()).isCloseTo(1 / 3.0, within(1e-12));
	}

	@Test
	void thresholdAtFalseMatchRateStaysBelowTheNextDifferentPair() {
		// FAR 0.25 allows one of the 4 different pairs (0.4); 0.5 must stay out.
		assertThat(this.metrics.thresholdAtFalseMatchRate(0.25)).isEqualTo(Math.nextDown(0.5));
		assertThat(this.metrics.thresholdAtFalseMatchRate(0.3)).isEqualTo(Math.nextDown(0.5));
		assertThat(this.metrics.thresholdAtFalseMatchRate(0)).isEqualTo(Math.nextDown(0.4));
		assertThat(this.metrics.thresholdAtFalseMatchRate(1)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.thresholdAtFalseMatchRate(1.5));
	}

	@Test
	void tarAtFarIsTheSameShareAcceptedThere() {
		assertThat(this.metrics.tarAtFar(0)).isEqualTo(0.75);
		assertThat(this.metrics.tarAtFar(0.25)).isEqualTo(0.75);
		// FAR 0.5 allows 0.4 and 0.5, so τ just below 0.7 accepts 0.6 as well.
		assertThat(this.metrics.tarAtFar(0.5)).isEqualTo(1.0);
	}

	@Test
	void inputsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VerificationMetrics(new double[] { 0.1 }, new boolean[] { true, false }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VerificationMetrics(new double[] { 0.1, 0.2 }, new boolean[] { true, true }))
			.withMessageContaining("both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VerificationMetrics(new double[] { Double.NaN, 0.2 }, new boolean[] { true, false }));
	}

	@Test
	void inputsAreCopied() {
		double[] distances = { 0.1, 0.9 };
		VerificationMetrics copied = new VerificationMetrics(distances, new boolean[] { true, false });
		distances[0] = 5;
		assertThat(copied.accuracyAt(0.5)).isEqualTo(1.0);
	}

}
