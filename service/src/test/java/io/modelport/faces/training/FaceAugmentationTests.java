package io.modelport.faces.training;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The training-only changes to a face, with the random draws fixed.
 *
 * @author Modelport Team
 */
class FaceAugmentationTests {

	// A 3 × 3 face, row-major, with one bright pixel right of the centre.
	private static final float[] FACE = { 0, 0, 0, 0, 0, 9, 0, 0, 0 };

	@Test
	void rotatesAboutTheCentreByTheDrawnAngle() {
		// nextDouble() = 1 draws the largest rotation (+90°) and, with scale 0, no zoom.
		float[] turned = new FaceAugmentation(false, 0, 0, 90, 0).apply(FACE, 3, 3, fixed(1.0));
		// Image rows grow downwards: +90° takes the pixel right of the centre to the one
		// below it.
		assertThat(turned[7]).isCloseTo(9f, within(1e-4f));
		assertThat(turned[5]).isCloseTo(0f, within(1e-4f));
	}

	@Test
	void zoomsAboutTheCentre() {
		// Zoom 2: the output pixel right of the centre reads the source halfway to it.
		float[] zoomed = new FaceAugmentation(false, 0, 0, 0, 1).apply(FACE, 3, 3, fixed(1.0));
		assertThat(zoomed[5]).isCloseTo(4.5f, within(1e-4f));
		assertThat(zoomed[4]).isCloseTo(0f, within(1e-4f));
	}

	@Test
	void withoutRotationOrZoomOnlyShiftsAndMirrors() {
		float[] mirrored = new FaceAugmentation(true, 0, 0).apply(FACE, 3, 3, fixed(1.0));
		assertThat(mirrored).containsExactly(0, 0, 0, 9, 0, 0, 0, 0, 0);
	}

	private static Random fixed(double value) {
		return new Random() {

			@Override
			public double nextDouble() {
				return value;
			}

			@Override
			public boolean nextBoolean() {
				return true;
			}

		};
	}

}
