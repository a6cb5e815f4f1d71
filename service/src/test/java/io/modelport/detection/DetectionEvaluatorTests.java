package io.modelport.detection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * COCO-style metrics on hand-computed cases.
 *
 * @author Modelport Team
 */
class DetectionEvaluatorTests {

	private static final BoundingBox A = new BoundingBox(0, 0, 10, 10);

	private static final BoundingBox B = new BoundingBox(20, 0, 10, 10);

	/** IoU with {@link #A}: overlap 9 x 10, union 110, so 0.818. */
	private static final BoundingBox A_SHIFTED = new BoundingBox(1, 0, 10, 10);

	@Test
	void perfectPredictionsScoreOne() {
		List<List<GroundTruth>> truths = List.of(List.of(new GroundTruth(0, A), new GroundTruth(1, B)),
				List.of(new GroundTruth(1, A)));
		List<List<Detection>> predictions = List.of(List.of(new Detection(0, 0.9f, A), new Detection(1, 0.8f, B)),
				List.of(new Detection(1, 0.7f, A)));
		DetectionEvaluator.Result result = DetectionEvaluator.evaluate(predictions, truths, 2);
		assertThat(result.map50()).isEqualTo(1.0);
		assertThat(result.map5095()).isEqualTo(1.0, within(1e-12));
		assertThat(result.precision()).isEqualTo(1.0);
		assertThat(result.recall()).isEqualTo(1.0);
		assertThat(result.apPerClass50()).containsExactly(1.0, 1.0);
	}

	@Test
	void handComputedAveragePrecision() {
		// Scores 0.9 (TP on A), 0.8 (a duplicate on A, so FP), 0.7 (TP on B).
		// Precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1; made non-increasing: 1, 2/3, 2/3.
		// The 51 recall points 0..0.50 read 1, the 50 points 0.51..1 read 2/3:
		// AP = (51 + 50 * 2/3) / 101 = 253 / 303.
		List<List<GroundTruth>> truths = List.of(List.of(new GroundTruth(0, A), new GroundTruth(0, B)));
		List<List<Detection>> predictions = List
			.of(List.of(new Detection(0, 0.7f, B), new Detection(0, 0.8f, A_SHIFTED), new Detection(0, 0.9f, A)));
		DetectionEvaluator.Result result = DetectionEvaluator.evaluate(predictions, truths, 1);
		assertThat(result.apPerClass50()[0]).isCloseTo(253.0 / 303, within(1e-12));
		assertThat(result.map50()).isCloseTo(253.0 / 303, within(1e-12));
		// The true positives are exact, so every IoU threshold gives the same AP.
		assertThat(result.map5095()).isCloseTo(253.0 / 303, within(1e-12));
		assertThat(result.precision()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(result.recall()).isEqualTo(1.0);
	}

	@Test
	void averagePrecisionOfARankedList() {
		assertThat(DetectionEvaluator.averagePrecision(new boolean[] { true, false, true }, 2)).isCloseTo(253.0 / 303,
				within(1e-12));
		assertThat(DetectionEvaluator.averagePrecision(new boolean[] { true, true }, 2)).isCloseTo(1.0, within(1e-12));
		// Half the objects found and nothing wrong: recall points 0..0.50 only.
		assertThat(DetectionEvaluator.averagePrecision(new boolean[] { true }, 2)).isCloseTo(51.0 / 101, within(1e-12));
		assertThat(DetectionEvaluator.averagePrecision(new boolean[] { false, false }, 2)).isZero();
		assertThat(DetectionEvaluator.averagePrecision(new boolean[0], 3)).isZero();
	}

	@Test
	void slightlyOffBoxesScoreLowerOverTheStricterThresholds() {
		// IoU 0.818 passes 0.50, 0.55, ..., 0.80 (7 thresholds) and fails the other 3.
		DetectionEvaluator.Result result = DetectionEvaluator
			.evaluate(List.of(List.of(new Detection(0, 0.9f, A_SHIFTED))), List.of(List.of(new GroundTruth(0, A))), 1);
		assertThat(result.map50()).isEqualTo(1.0);
		assertThat(result.map5095()).isCloseTo(0.7, within(1e-12)).isLessThan(result.map50());
	}

	@Test
	void aClassWithoutGroundTruthIsLeftOutOfTheMean() {
		List<List<GroundTruth>> truths = List.of(List.of(new GroundTruth(0, A), new GroundTruth(1, B)));
		List<List<Detection>> predictions = List.of(List.of(new Detection(0, 0.9f, A), new Detection(1, 0.9f, B),
				new Detection(2, 0.9f, new BoundingBox(50, 50, 5, 5))));
		DetectionEvaluator.Result result = DetectionEvaluator.evaluate(predictions, truths, 3);
		assertThat(result.apPerClass50()[2]).isNaN();
		assertThat(result.map50()).isEqualTo(1.0);
		// Its prediction still counts as a false positive.
		assertThat(result.precision()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(result.recall()).isEqualTo(1.0);
	}

	@Test
	void noPredictionsScoreZero() {
		DetectionEvaluator.Result result = DetectionEvaluator.evaluate(List.of(List.of()),
				List.of(List.of(new GroundTruth(0, A))), 1);
		assertThat(result.map50()).isZero();
		assertThat(result.map5095()).isZero();
		assertThat(result.precision()).isZero();
		assertThat(result.recall()).isZero();
	}

	@Test
	void aPredictionInAnotherImageDoesNotMatch() {
		DetectionEvaluator.Result result = DetectionEvaluator.evaluate(
				List.of(List.of(), List.of(new Detection(0, 0.9f, A))),
				List.of(List.of(new GroundTruth(0, A)), List.of()), 1);
		assertThat(result.map50()).isZero();
		assertThat(result.precision()).isZero();
	}

	@Test
	void badArgumentsAreRejected() {
		List<List<GroundTruth>> truths = List.of(List.of(new GroundTruth(0, A)));
		assertThatIllegalArgumentException().isThrownBy(() -> DetectionEvaluator.evaluate(List.of(), truths, 1))
			.withMessageContaining("images");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DetectionEvaluator.evaluate(List.of(List.of()), truths, 0))
			.withMessageContaining("classes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DetectionEvaluator.evaluate(List.of(List.of(new Detection(1, 0.5f, A))), truths, 1))
			.withMessageContaining("class index 1");
	}

}
