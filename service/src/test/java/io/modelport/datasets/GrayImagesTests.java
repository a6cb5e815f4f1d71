package io.modelport.datasets;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link GrayImages}.
 *
 * @author Modelport Team
 */
class GrayImagesTests {

	@Test
	void shrinkingAveragesAreas() {
		byte[] target = new byte[2];
		GrayImages.resize(new float[] { 0, 100, 200, 40 }, 4, 1, 2, 1, target, 0);
		assertThat(target).containsExactly(50, 120);
	}

	@Test
	void shrinkingByAFractionWeighsPartialPixels() {
		byte[] target = new byte[2];
		GrayImages.resize(new float[] { 0, 30, 90 }, 3, 1, 2, 1, target, 0);
		// 1.5 pixels each: (0 + 15) / 1.5 and (15 + 90) / 1.5.
		assertThat(target).containsExactly(10, 70);
	}

	@Test
	void enlargingInterpolatesBilinearly() {
		byte[] target = new byte[5];
		GrayImages.resize(new float[] { 0, 100 }, 2, 1, 4, 1, target, 1);
		assertThat(target).containsExactly(0, 0, 25, 75, 100);
	}

	@Test
	void keepsTheSizeUnchanged() {
		byte[] target = new byte[4];
		GrayImages.resize(new float[] { 1, 2, 3, 250 }, 2, 2, 2, 2, target, 0);
		assertThat(target).containsExactly(1, 2, 3, (byte) 250);
	}

	@Test
	void readsSixteenBitGrayAndColour() {
		BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
		gray.getRaster().setSample(0, 0, 0, 65535);
		assertThat(GrayImages.gray(gray)).containsExactly(255f);
		BufferedImage colour = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
		colour.setRGB(0, 0, 0xFF00FF00);
		assertThat(GrayImages.gray(colour)[0]).isCloseTo(149.685f, within(0.01f));
	}

}
