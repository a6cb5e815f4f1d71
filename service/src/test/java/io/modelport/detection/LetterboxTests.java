package io.modelport.detection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import io.modelport.store.InputSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Letterboxing keeps the aspect ratio, pads symmetrically, and maps boxes back exactly.
 *
 * @author Modelport Team
 */
class LetterboxTests {

	@Test
	void aWideImageIsPaddedAboveAndBelow() {
		Letterbox box = Letterbox.of(200, 100, 96, 96);
		assertThat(box.contentWidth()).isEqualTo(96);
		assertThat(box.contentHeight()).isEqualTo(48);
		assertThat(box.offsetX()).isZero();
		assertThat(box.offsetY()).isEqualTo(24);
	}

	@Test
	void boxesMapBackToOriginalPixelsAndAreClipped() {
		Letterbox box = Letterbox.of(200, 100, 96, 96);
		// Input (48, 24)-(96, 48) is the right half of the upper half of the image.
		BoundingBox mapped = box.toImage(new BoundingBox(48, 24, 48, 24));
		assertThat(mapped.x()).isCloseTo(100f, offset(1e-4f));
		assertThat(mapped.y()).isCloseTo(0f, offset(1e-4f));
		assertThat(mapped.width()).isCloseTo(100f, offset(1e-4f));
		assertThat(mapped.height()).isCloseTo(50f, offset(1e-4f));
		// A box reaching into the padding is clipped to the image.
		assertThat(box.toImage(new BoundingBox(-10, 0, 20, 30)))
			.isEqualTo(new BoundingBox(0, 0, 10f * 200 / 96, 12.5f));
	}

	@Test
	void theTensorHoldsTheImageInsideThePadding() {
		BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 4, 2);
		graphics.dispose();
		InputSpec spec = new InputSpec(4, 4, 1, 255f, null, null);
		float[] tensor = Letterbox.of(4, 2, 4, 4).tensor(image, spec, 0);
		// Rows 0 and 3 are padding (black), rows 1 and 2 the white image.
		assertThat(tensor).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
	}

}
