package io.modelport.imaging;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import io.modelport.store.InputSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ImagePreprocessor}.
 *
 * @author Modelport Team
 */
class ImagePreprocessorTests {

	@Test
	void grayImagesKeepTheirStoredValues() {
		BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setSample(0, 0, 0, 128);
		gray.getRaster().setSample(1, 0, 0, 255);
		InputSpec spec = new InputSpec(2, 1, 1, 255f, null, null);
		// getRGB would turn 128 into 186 through Java's linear gray colour space.
		assertThat(ImagePreprocessor.toTensor(gray, spec)).containsExactly(128 / 255f, 1f);
	}

	@Test
	void appliesTheSavedNormalisation() {
		BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setSample(0, 0, 0, 51);
		InputSpec spec = new InputSpec(1, 1, 1, 255f, new float[] { 0.5f }, new float[] { 0.25f });
		assertThat(ImagePreprocessor.toTensor(gray, spec)[0]).isCloseTo((0.2f - 0.5f) / 0.25f, within(1e-6f));
	}

	@Test
	void colourImagesBecomeLumaForGrayscaleModels() {
		BufferedImage rgb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(0, 0, new Color(200, 100, 50).getRGB());
		InputSpec spec = new InputSpec(1, 1, 1, 1f, null, null);
		assertThat(ImagePreprocessor.toTensor(rgb, spec)[0]).isCloseTo(0.299f * 200 + 0.587f * 100 + 0.114f * 50,
				within(1e-3f));
	}

	@Test
	void colourImagesAreLaidOutChannelFirst() {
		BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(0, 0, new Color(10, 20, 30).getRGB());
		rgb.setRGB(1, 0, new Color(40, 50, 60).getRGB());
		InputSpec spec = new InputSpec(2, 1, 3, 1f, null, null);
		assertThat(ImagePreprocessor.toTensor(rgb, spec)).containsExactly(10, 40, 20, 50, 30, 60);
	}

	@Test
	void grayImagesFeedRgbModelsOnEveryChannel() {
		BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setSample(0, 0, 0, 7);
		assertThat(ImagePreprocessor.toTensor(gray, new InputSpec(1, 1, 3, 1f, null, null))).containsExactly(7, 7, 7);
	}

	@Test
	void resizeKeepsAConstantImageConstant() {
		float[] plane = { 5, 5, 5, 5, 5, 5 };
		assertThat(ImagePreprocessor.resize(plane, 3, 2, 7, 5)).hasSize(35).containsOnly(5f);
	}

	@Test
	void resizeInterpolatesOnPixelCentres() {
		// Upscaling [0, 100] to width 4: centres at -0.25, 0.25, 0.75, 1.25 → clamped.
		assertThat(ImagePreprocessor.resize(new float[] { 0, 100 }, 2, 1, 4, 1)).containsExactly(0f, 25f, 75f, 100f);
		// Downscaling by 2 averages neighbouring pairs.
		assertThat(ImagePreprocessor.resize(new float[] { 0, 10, 20, 30 }, 4, 1, 2, 1)).containsExactly(5f, 25f);
	}

}
