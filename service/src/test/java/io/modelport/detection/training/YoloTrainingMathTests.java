package io.modelport.detection.training;

import java.util.List;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Target encoding and the loss against values worked out by hand from docs/ml-notes.md,
 * "Detection".
 *
 * @author Modelport Team
 */
class YoloTrainingMathTests {

	@Test
	void anObjectIsAssignedToTheCellOfItsCentreAndTheBestShapedAnchor() {
		// 64×64, grid 2 (cells of 32 px); a 16×16 box centred at (16, 48): cell (row 1,
		// column 0), half a cell wide, so the 0.5×0.5 anchor (index 1) fits exactly.
		Scene scene = new Scene(64, 64, 1, new byte[64 * 64],
				List.of(new GroundTruth(1, new BoundingBox(8, 40, 16, 16))));
		List<float[]> anchors = List.of(new float[] { 1, 1 }, new float[] { 0.5f, 0.5f });
		YoloTargets targets = YoloTargets.encode(List.of(scene), anchors, 2, 2, 64);
		// [anchor][row][column]: anchor 1, row 1, column 0
		assertThat(targets.objectness()).containsExactly(0, 0, 0, 0, 0, 0, 1, 0);
		// b_x, b_y, log(h / a_h), log(w / a_w) at that slot
		assertThat(targets.boxes()[(1 * 4 + 0) * 4 + 2]).isEqualTo(0.5f);
		assertThat(targets.boxes()[(1 * 4 + 1) * 4 + 2]).isEqualTo(0.5f);
		assertThat(targets.boxes()[(1 * 4 + 2) * 4 + 2]).isZero();
		assertThat(targets.boxes()[(1 * 4 + 3) * 4 + 2]).isZero();
		assertThat(targets.classes()[(1 * 2 + 1) * 4 + 2]).isEqualTo(1);
		assertThat(targets.classes()[(1 * 2 + 0) * 4 + 2]).isZero();
	}

	@Test
	void theLossAddsObjectnessBoxAndClassTermsWhereTheyCount() {
		try (NDManager manager = NDManager.newBaseManager()) {
			// One cell, two anchors, two classes: [t_o, t_x, t_y, t_h, t_w, c_1, c_2].
			float[] responsible = { 0, 0, (float) Math.log(3), 0.1f, -0.2f, 1, 0 };
			float[] empty = { 2, 9, 9, 9, 9, 9, 9 };
			float[] output = new float[14];
			System.arraycopy(responsible, 0, output, 0, 7);
			System.arraycopy(empty, 0, output, 7, 7);
			float loss = YoloLoss.DEFAULT
				.evaluate(manager.create(output, new Shape(1, 2, 7, 1, 1)),
						manager.create(new float[] { 1, 0 }, new Shape(1, 2, 1, 1)),
						manager.create(new float[] { 0.5f, 0.5f, 0, 0, 0, 0, 0, 0 }, new Shape(1, 2, 4, 1, 1)),
						manager.create(new float[] { 0, 1, 0, 0 }, new Shape(1, 2, 2, 1, 1)))
				.getFloat();
			// objectness: ln 2 + 0.5·(2 + ln(1 + e^-2)); box: 5·((0.75 - 0.5)² + 0.1² +
			// 0.2²);
			// class: ln(e + 1); the empty slot's box and class values do not count.
			double expected = Math.log(2) + 0.5 * (2 + Math.log(1 + Math.exp(-2))) + 5 * (0.0625 + 0.01 + 0.04)
					+ Math.log(Math.E + 1);
			assertThat((double) loss).isCloseTo(expected, offset(1e-5));
		}
	}

}
