package io.modelport.words.training;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link NegativeSampler}: the unigram^p distribution, checked by a chi-square
 * goodness-of-fit test over a million seeded draws.
 *
 * @author Modelport Team
 */
class NegativeSamplerTests {

	private static final int DRAWS = 1_000_000;

	// Zipf-like counts over 50 words, plus a word never seen.
	private static long[] zipf() {
		long[] counts = new long[51];
		for (int i = 0; i < 50; i++) {
			counts[i] = 100_000 / (i + 1);
		}
		return counts;
	}

	@Test
	void probabilitiesAreCountsToThePowerNormalized() {
		NegativeSampler sampler = new NegativeSampler(new long[] { 16, 1, 0 }, 0.75);
		// 16^0.75 = 8, 1^0.75 = 1.
		assertThat(sampler.probability(0)).isCloseTo(8.0 / 9, within(1e-12));
		assertThat(sampler.probability(1)).isCloseTo(1.0 / 9, within(1e-12));
		assertThat(sampler.probability(2)).isZero();
		assertThat(new NegativeSampler(new long[] { 16, 1, 0 }, 0).probability(1)).isEqualTo(0.5);
	}

	@Test
	void drawsFollowTheDistributionByChiSquare() {
		long[] counts = zipf();
		NegativeSampler sampler = new NegativeSampler(counts, NegativeSampler.DEFAULT_POWER);
		long[] observed = new long[counts.length];
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < DRAWS; i++) {
			observed[sampler.sample(random)]++;
		}
		assertThat(observed[50]).as("a word with count 0").isZero();
		double chiSquare = 0;
		for (int i = 0; i < 50; i++) {
			double expected = DRAWS * sampler.probability(i);
			chiSquare += (observed[i] - expected) * (observed[i] - expected) / expected;
		}
		// 49 degrees of freedom: the 0.999 quantile of χ²(49) is 85.35.
		assertThat(chiSquare).isLessThan(85.35);
		// The most frequent word: 100,000^0.75 of Σ (100,000/r)^0.75 over r = 1…50.
		assertThat(observed[0] / (double) DRAWS).isCloseTo(sampler.probability(0), within(0.002));
	}

	@Test
	void theSameSeedGivesTheSameDraws() {
		NegativeSampler sampler = new NegativeSampler(zipf(), 0.75);
		SplittableRandom first = new SplittableRandom(5);
		SplittableRandom second = new SplittableRandom(5);
		for (int i = 0; i < 1000; i++) {
			assertThat(sampler.sample(first)).isEqualTo(sampler.sample(second));
		}
	}

	@Test
	void badCountsOrPowersAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NegativeSampler(new long[] { 0, 0 }, 0.75))
			.withMessageContaining("positive count");
		assertThatIllegalArgumentException().isThrownBy(() -> new NegativeSampler(new long[] { 1 }, -1));
	}

}
