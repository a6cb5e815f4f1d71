package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Raster8}: its planes equal what {@link BufferedImage#getRGB} gives for
 * every byte layout it reads, and it declines the others.
 *
 * @author Modelport Team
 */
class Raster8Tests {

	private final ImageDecoder decoder = new ImageDecoder(1_000_000);

	@Test
	void readsDecodedRgbAndRgbaPngsAsGetRgbDoes() throws IOException {
		for (int type : new int[] { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
				BufferedImage.TYPE_INT_RGB }) {
			BufferedImage decoded = this.decoder.decode(png(noise(13, 7, type)));
			for (int channels : new int[] { 1, 3 }) {
				float[][] fast = new float[channels][13 * 7];
				assertThat(Raster8.read(decoded, fast)).isTrue();
				assertThat(fast).isDeepEqualTo(viaGetRgb(decoded, channels));
			}
		}
	}

	@Test
	void readsJpegLayouts() throws IOException {
		BufferedImage bgr = noise(9, 5, BufferedImage.TYPE_3BYTE_BGR);
		float[][] fast = new float[3][9 * 5];
		assertThat(Raster8.read(bgr, fast)).isTrue();
		assertThat(fast).isDeepEqualTo(viaGetRgb(bgr, 3));
	}

	@Test
	void readsGrayBytesAsStored() throws IOException {
		BufferedImage gray = this.decoder.decode(png(noise(6, 4, BufferedImage.TYPE_BYTE_GRAY)));
		float[][] fast = new float[3][24];
		assertThat(Raster8.read(gray, fast)).isTrue();
		for (int i = 0; i < 24; i++) {
			float stored = gray.getRaster().getSample(i % 6, i / 6, 0);
			assertThat(new float[] { fast[0][i], fast[1][i], fast[2][i] }).containsOnly(stored);
		}
	}

	@Test
	void declinesIntPackedPalettedAndSixteenBitImages() {
		for (int type : new int[] { BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_INDEXED,
				BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_INT_ARGB_PRE }) {
			float[][] planes = new float[1][4];
			assertThat(Raster8.read(new BufferedImage(2, 2, type), planes)).as("type %d", type).isFalse();
			assertThat(planes[0]).containsOnly(0f);
		}
	}

	@Test
	void readsASubImageFromItsOwnOrigin() {
		BufferedImage image = noise(8, 8, BufferedImage.TYPE_3BYTE_BGR);
		BufferedImage part = image.getSubimage(3, 2, 4, 5);
		float[][] fast = new float[3][20];
		assertThat(Raster8.read(part, fast)).isTrue();
		assertThat(fast).isDeepEqualTo(viaGetRgb(part, 3));
	}

	private static float[][] viaGetRgb(BufferedImage image, int channels) {
		int w = image.getWidth();
		int h = image.getHeight();
		float[][] planes = new float[channels][w * h];
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < rgb.length; i++) {
			int r = (rgb[i] >> 16) & 0xFF;
			int g = (rgb[i] >> 8) & 0xFF;
			int b = rgb[i] & 0xFF;
			if (channels == 1) {
				planes[0][i] = ImagePreprocessor.luma(r, g, b);
			}
			else {
				planes[0][i] = r;
				planes[1][i] = g;
				planes[2][i] = b;
			}
		}
		return planes;
	}

	private static BufferedImage noise(int w, int h, int type) {
		Random random = new Random(w * 31L + h);
		BufferedImage image = new BufferedImage(w, h, type);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				image.setRGB(x, y, random.nextInt() | 0xFF000000);
			}
		}
		return image;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
