package io.modelport.classification;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.modelport.datasets.ImageSet;
import io.modelport.store.InputSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InputStatisticsTests {

	// Four 2 × 2 images: dark ones with one bright pixel, as Fashion-MNIST is.
	private static final byte[] PIXELS = { 0, 0, 0, (byte) 255, 0, 0, (byte) 255, (byte) 255, 0, 0, 0, (byte) 255, 0,
			(byte) 255, (byte) 255, 0 };

	private static final ImageSet SET = new ImageSet(4, 2, 2, PIXELS, new int[4]);

	private static final InputSpec SPEC = new InputSpec(2, 2, 1, 255f, new float[] { 0.5f }, new float[] { 0.5f });

	@Test
	void summarisesEachImagesMeanAndSpread() {
		InputStatistics statistics = InputStatistics.of(SET);
		// Image means 0.25, 0.5, 0.25, 0.5; image standard deviations sqrt(3)/4, 1/2,
		// sqrt(3)/4, 1/2.
		assertThat(statistics.meanOfMeans()).isCloseTo(0.375, within(1e-9));
		assertThat(statistics.stdOfMeans()).isCloseTo(0.125, within(1e-9));
		assertThat(statistics.meanOfStds()).isCloseTo((Math.sqrt(3) / 4 + 0.5) / 2, within(1e-9));
		assertThat(statistics.images()).isEqualTo(4);
	}

	@Test
	void savedParametersReadBack() {
		InputStatistics statistics = InputStatistics.of(SET);
		Optional<InputStatistics> read = InputStatistics
			.fromParameters(Map.of(InputStatistics.PARAMETER, statistics.toParameter()));
		assertThat(read).isPresent();
		assertThat(read.get().meanOfMeans()).isCloseTo(statistics.meanOfMeans(), within(1e-6));
		assertThat(InputStatistics.fromParameters(Map.of())).isEmpty();
		assertThat(InputStatistics.fromParameters(Map.of(InputStatistics.PARAMETER, Map.of("images", 3)))).isEmpty();
	}

	@Test
	void aTrainingLikeInputIsNearAndAnInvertedOneFar() {
		InputStatistics statistics = InputStatistics.of(SET);
		// (raw - 0.5) / 0.5 normalised, as the preprocessor would.
		float[] likeTraining = { -1, -1, 1, -1 };
		float[] inverted = { 1, 1, 1, 1 };
		assertThat(statistics.distance(likeTraining, SPEC)).isLessThan(2);
		assertThat(statistics.distance(inverted, SPEC)).isGreaterThan(4);
	}

	@Test
	void answersSayWhenTheVersionHasNoStatistics() {
		float[] probabilities = { 0.5f, 0.5f };
		OutOfDomain signals = OutOfDomain.of(probabilities, new float[] { 0, 0, 0, 0 }, SPEC, Optional.empty());
		assertThat(signals.maxProbability()).isEqualTo(0.5);
		assertThat(signals.normalizedEntropy()).isEqualTo(1.0);
		assertThat(signals.entropy()).isCloseTo(Math.log(2), within(1e-4));
		assertThat(signals.inputDistance()).isNull();
		assertThat(signals.inputDistanceNote()).contains("no saved training input statistics");
		OutOfDomain measured = OutOfDomain.of(new float[] { 1, 0 }, new float[] { -1, -1, 1, -1 }, SPEC,
				Optional.of(InputStatistics.of(SET)));
		assertThat(measured.normalizedEntropy()).isZero();
		assertThat(measured.inputDistance()).isNotNull();
		assertThat(measured.inputDistanceNote()).isNull();
	}

}
