package io.modelport.faces.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrlEvaluationTests {

	@Test
	void aucCountsOrderedPairsAndHalfTies() {
		Pairs pairs = new Pairs(new double[] { 0.1, 0.5 }, new double[] { 0.5, 0.9 });
		// (0.1 < 0.5), (0.1 < 0.9), (0.5 = 0.5: half), (0.5 < 0.9) -> 3.5 of 4
		assertThat(pairs.auc()).isCloseTo(0.875, within(1e-12));
	}

	@Test
	void theBestThresholdSeparatesSeparablePairs() {
		Pairs pairs = new Pairs(new double[] { 0.1, 0.2, 0.3 }, new double[] { 0.7, 0.8 });
		double tau = pairs.bestBalancedThreshold();
		assertThat(tau).isCloseTo(0.5, within(1e-12));
		assertThat(pairs.balancedAccuracy(tau)).isEqualTo(1.0);
		assertThat(pairs.balancedAccuracy(0.15)).isCloseTo(0.5 * 1 / 3 + 0.5, within(1e-12));
	}

	@Test
	void wellSeparatedIdentitiesScorePerfectlyAndRandomOnesDoNot() {
		Random random = new Random(3);
		List<List<float[]>> clustered = new ArrayList<>();
		List<List<float[]>> noise = new ArrayList<>();
		for (int person = 0; person < 10; person++) {
			float[] centre = unit(random, 16, null, 0);
			List<float[]> a = new ArrayList<>();
			List<float[]> b = new ArrayList<>();
			for (int image = 0; image < 4; image++) {
				a.add(unit(random, 16, centre, 0.05f));
				b.add(unit(random, 16, null, 0));
			}
			clustered.add(a);
			noise.add(b);
		}
		OrlEvaluation.Figures good = OrlEvaluation.evaluate(clustered);
		assertThat(good.balancedAccuracy()).isEqualTo(1.0);
		assertThat(good.auc()).isEqualTo(1.0);
		assertThat(good.rank1()).isEqualTo(1.0);
		assertThat(good.thresholds()).hasSize(OrlEvaluation.FOLDS);
		OrlEvaluation.Figures bad = OrlEvaluation.evaluate(noise);
		assertThat(bad.auc()).isLessThan(0.8);
		assertThat(bad.rank1()).isLessThan(0.5);
	}

	private static float[] unit(Random random, int size, float[] centre, float spread) {
		float[] v = new float[size];
		double norm = 0;
		for (int i = 0; i < size; i++) {
			v[i] = (centre != null) ? centre[i] + spread * (float) random.nextGaussian()
					: (float) random.nextGaussian();
			norm += v[i] * v[i];
		}
		for (int i = 0; i < size; i++) {
			v[i] /= (float) Math.sqrt(norm);
		}
		return v;
	}

}
