package io.modelport.detection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

/**
 * Decoding each output layout into boxes in input pixels, with values worked out by hand
 * from the grid encoding of docs/ml-notes.md, "Detection".
 *
 * @author Modelport Team
 */
class OutputDecoderTests {

	// 2 classes, 1 anchor of 2×1 cells; grid 2×2 over a 64×64 input: cells of 32 px.
	private static final DecoderSettings GRID = DecoderSettings
		.fromParameters(Map.of("outputLayout", "grid", "anchors", List.of(List.of(2.0, 1.0))));

	@Test
	void gridChannelsFirstFollowsTheCellAndAnchorFormulas() {
		// Only cell (row 1, column 0) has an object: t_o = 4, b_x = σ(0) = 0.5,
		// b_y = σ(ln 3) = 0.75, h = 1·e^0 = 1 cell, w = 2·e^(ln 0.5) = 1 cell.
		float[] values = new float[7 * 2 * 2];
		float[] slot = { 4, 0, (float) Math.log(3), 0, (float) Math.log(0.5), 0, 3 };
		for (int k = 0; k < 7; k++) {
			values[k * 4] = -10;
			values[k * 4 + 2] = slot[k];
		}
		List<Detection> detections = OutputDecoder.decode(new RawOutput(new long[] { 7, 2, 2 }, values), GRID, 2, 64,
				64);
		assertThat(detections).hasSize(1);
		Detection detection = detections.get(0);
		assertThat(detection.classIndex()).isEqualTo(1);
		// σ(4) × softmax([0, 3])[1] = 0.98201 × 0.95257
		assertThat(detection.score()).isCloseTo(0.9354f, offset(1e-4f));
		// centre ((0 + 0.5)·32, (1 + 0.75)·32) = (16, 56), size 32 × 32
		assertThat(detection.box()).isEqualTo(new BoundingBox(0, 40, 32, 32));
	}

	@Test
	void gridChannelsLastGivesTheSameBoxes() {
		float[] values = new float[2 * 2 * 7];
		java.util.Arrays.fill(values, -10);
		float[] slot = { 4, 0, (float) Math.log(3), 0, (float) Math.log(0.5), 0, 3 };
		System.arraycopy(slot, 0, values, 2 * 7, 7);
		List<Detection> detections = OutputDecoder.decode(new RawOutput(new long[] { 2, 2, 1, 7 }, values), GRID, 2, 64,
				64);
		assertThat(detections).singleElement().extracting(Detection::box).isEqualTo(new BoundingBox(0, 40, 32, 32));
	}

	@Test
	void imageUnitsWithoutAnchorsScaleByTheImage() {
		DecoderSettings settings = DecoderSettings
			.fromParameters(Map.of("boxUnits", "image", "activations", false, "objectnessTimesClass", false));
		// One cell: [p_c, b_x, b_y, b_h, b_w, c] already activated.
		float[] values = { 0.9f, 0.5f, 0.5f, 0.25f, 0.5f, 1 };
		List<Detection> detections = OutputDecoder.decode(new RawOutput(new long[] { 6, 1, 1 }, values), settings, 1,
				100, 80);
		assertThat(detections).singleElement().satisfies((d) -> {
			assertThat(d.score()).isEqualTo(0.9f);
			assertThat(d.box()).isEqualTo(BoundingBox.fromCenter(50, 40, 50, 20));
		});
	}

	@Test
	void flatWithObjectnessMultipliesTheScores() {
		DecoderSettings settings = DecoderSettings.fromParameters(Map.of("outputLayout", "flat-objectness"));
		float[] values = { 50, 40, 20, 10, 0.8f, 0.1f, 0.9f, 10, 10, 4, 4, 0.3f, 0.9f, 0.1f };
		List<Detection> detections = OutputDecoder.decode(new RawOutput(new long[] { 2, 7 }, values), settings, 2, 640,
				640);
		assertThat(detections).singleElement().satisfies((d) -> {
			assertThat(d.classIndex()).isEqualTo(1);
			assertThat(d.score()).isCloseTo(0.72f, offset(1e-6f));
			assertThat(d.box()).isEqualTo(new BoundingBox(40, 35, 20, 10));
		});
	}

	@Test
	void flatTransposedAsYolov8ExportsIt() {
		DecoderSettings settings = DecoderSettings.fromParameters(Map.of("outputLayout", "flat"));
		// [4 + 2, 3]: three candidates as columns.
		float[] values = { 10, 20, 30, 10, 20, 30, 4, 4, 4, 4, 4, 4, 0.9f, 0.2f, 0.1f, 0.05f, 0.7f, 0.2f };
		List<Detection> detections = OutputDecoder.decode(new RawOutput(new long[] { 6, 3 }, values), settings, 2, 640,
				640);
		assertThat(detections).extracting(Detection::classIndex).containsExactly(0, 1);
		assertThat(detections.get(1).box()).isEqualTo(BoundingBox.fromCenter(20, 20, 4, 4));
	}

	@Test
	void aShapeThatDoesNotFitTheLayoutIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> OutputDecoder.decode(new RawOutput(new long[] { 5, 2, 2 }, new float[20]), GRID, 2, 64, 64))
			.withMessageContaining("must be [7, S, S]");
		DecoderSettings flat = DecoderSettings.fromParameters(Map.of("outputLayout", "flat"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutputDecoder.decode(new RawOutput(new long[] { 3, 5 }, new float[15]), flat, 3, 64, 64))
			.withMessageContaining("[N, 7]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DecoderSettings.fromParameters(Map.of("outputLayout", "ssd")))
			.withMessageContaining("unknown outputLayout 'ssd'");
	}

}
