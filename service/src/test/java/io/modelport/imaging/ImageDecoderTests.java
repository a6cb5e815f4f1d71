package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ImageDecoder}.
 *
 * @author Modelport Team
 */
class ImageDecoderTests {

	private final ImageDecoder decoder = new ImageDecoder(1_000_000);

	@Test
	void decodesPngAndJpeg() throws IOException {
		BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
		assertThat(this.decoder.decode(encode(image, "png")).getWidth()).isEqualTo(7);
		assertThat(this.decoder.decode(encode(image, "jpeg")).getHeight()).isEqualTo(5);
	}

	@Test
	void refusesEmptyInput() {
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(new byte[0]))
			.withMessage("the image is empty");
	}

	@Test
	void refusesRandomBytes() {
		byte[] noise = new byte[4096];
		new Random(1).nextBytes(noise);
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(noise))
			.withMessageContaining("not a PNG, JPEG");
	}

	@Test
	void refusesATruncatedPng() throws IOException {
		byte[] png = encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png");
		byte[] truncated = Arrays.copyOf(png, png.length / 2);
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(truncated))
			.withMessageContaining("cannot be decoded");
	}

	@Test
	void refusesADecompressionBombFromItsHeader() throws IOException {
		byte[] bomb = CraftedImages.pngHeader(100_000, 100_000);
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(bomb))
			.withMessageContaining("100000x100000 pixels, more than the limit");
	}

	static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

}
