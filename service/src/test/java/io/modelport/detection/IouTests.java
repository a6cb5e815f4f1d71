package io.modelport.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed IoU cases.
 *
 * @author Modelport Team
 */
class IouTests {

	@Test
	void partialOverlapIsIntersectionOverUnion() {
		// Overlap 1 x 1, union 4 + 4 - 1 = 7.
		assertThat(Iou.of(new BoundingBox(0, 0, 2, 2), new BoundingBox(1, 1, 2, 2))).isCloseTo(1f / 7, within(1e-6f));
	}

	@Test
	void isSymmetric() {
		BoundingBox a = new BoundingBox(0, 0, 4, 3);
		BoundingBox b = new BoundingBox(2, 1, 5, 5);
		assertThat(Iou.of(a, b)).isEqualTo(Iou.of(b, a));
	}

	@Test
	void containedBoxGivesTheRatioOfAreas() {
		assertThat(Iou.of(new BoundingBox(0, 0, 4, 4), new BoundingBox(1, 1, 2, 2))).isCloseTo(4f / 16, within(1e-6f));
	}

	@Test
	void disjointBoxesGiveZero() {
		assertThat(Iou.of(new BoundingBox(0, 0, 2, 2), new BoundingBox(5, 5, 2, 2))).isZero();
	}

	@Test
	void boxesOverlappingOnOneAxisOnlyGiveZero() {
		assertThat(Iou.of(new BoundingBox(0, 0, 2, 2), new BoundingBox(1, 5, 2, 2))).isZero();
	}

	@Test
	void touchingEdgesGiveZero() {
		assertThat(Iou.of(new BoundingBox(0, 0, 2, 2), new BoundingBox(2, 0, 2, 2))).isZero();
		assertThat(Iou.of(new BoundingBox(0, 0, 2, 2), new BoundingBox(2, 2, 2, 2))).isZero();
	}

	@Test
	void identicalBoxesGiveOne() {
		BoundingBox box = BoundingBox.fromCenter(10.3f, 7.1f, 3.7f, 5.9f);
		assertThat(Iou.of(box, new BoundingBox(box.x(), box.y(), box.width(), box.height()))).isEqualTo(1f);
	}

	@Test
	void zeroAreaBoxesGiveZeroNotNaN() {
		BoundingBox point = new BoundingBox(1, 1, 0, 0);
		BoundingBox line = new BoundingBox(0, 1, 3, 0);
		assertThat(Iou.of(point, point)).isZero();
		assertThat(Iou.of(line, line)).isZero();
		assertThat(Iou.of(line, new BoundingBox(0, 0, 3, 3))).isZero();
	}

	@Test
	void shapeIouCentresTheBoxes() {
		// 2 x 4 and 4 x 2 on one centre overlap in 2 x 2: 4 / (8 + 8 - 4).
		assertThat(AnchorKMeans.shapeIou(2, 4, 4, 2)).isCloseTo(4f / 12, within(1e-6f));
		assertThat(AnchorKMeans.shapeIou(3, 3, 3, 3)).isEqualTo(1f);
		assertThat(AnchorKMeans.shapeIou(0, 0, 0, 0)).isZero();
	}

}
