package io.modelport.training;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Evaluation}, with figures computed by hand.
 *
 * @author Modelport Team
 */
class EvaluationTests {

	@Test
	void derivesTheStandardFiguresFromTheConfusionMatrix() {
		// truth: 0 0 0 0 1 1 1 2 2 2
		// predicted: 0 0 0 1 1 1 0 2 2 1
		Evaluation evaluation = Evaluation.of(3, new int[] { 0, 0, 0, 0, 1, 1, 1, 2, 2, 2 },
				new int[] { 0, 0, 0, 1, 1, 1, 0, 2, 2, 1 });
		assertThat(evaluation.confusion()[0]).containsExactly(3, 1, 0);
		assertThat(evaluation.accuracy()).isEqualTo(0.7);
		assertThat(evaluation.precision(0)).isEqualTo(0.75);
		assertThat(evaluation.recall(0)).isEqualTo(0.75);
		assertThat(evaluation.precision(1)).isEqualTo(0.5);
		assertThat(evaluation.recall(1)).isCloseTo(2 / 3.0, within(1e-12));
		assertThat(evaluation.f1(1)).isCloseTo(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), within(1e-12));
		assertThat(evaluation.precision(2)).isEqualTo(1.0);
		assertThat(evaluation.f1(2)).isCloseTo(0.8, within(1e-12));
		assertThat(evaluation.macroF1()).isCloseTo((0.75 + 4 / 7.0 + 0.8) / 3, within(1e-12));
		assertThat(evaluation.perClass(List.of("a", "b", "c"))).containsEntry("a",
				Map.of("precision", 0.75, "recall", 0.75, "f1", 0.75));
	}

	@Test
	void aClassThatIsNeverPredictedHasZeroPrecision() {
		Evaluation evaluation = Evaluation.of(2, new int[] { 0, 1 }, new int[] { 0, 0 });
		assertThat(evaluation.precision(1)).isZero();
		assertThat(evaluation.f1(1)).isZero();
	}

}
