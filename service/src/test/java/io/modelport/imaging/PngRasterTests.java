package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The direct PNG path against ImageIO's reader on the same files: every colour type it
 * takes, every row filter, images split over several data chunks; and the files it leaves
 * to ImageIO.
 *
 * @author Modelport Team
 */
class PngRasterTests {

	private static final long LIMIT = 40_000_000;

	@Test
	void everyColourTypeAndFilterGivesTheSamePixelsAsImageIo() throws IOException {
		Random random = new Random(7);
		for (int colorType : new int[] { 0, 2, 4, 6 }) {
			for (int filter = 0; filter <= 4; filter++) {
				byte[] png = png(37, 23, colorType, filter, 0, random, 3);
				BufferedImage direct = PngRaster.decode(png, LIMIT);
				assertThat(direct).as("color type %d, filter %d", colorType, filter).isNotNull();
				assertSamePixels(direct, ImageIO.read(new ByteArrayInputStream(png)));
			}
		}
	}

	@Test
	void thePreprocessedTensorIsTheSameAsFromImageIo() throws IOException {
		byte[] png = png(64, 48, 2, 4, 0, new Random(3), 1);
		float[][] direct = ImagePreprocessor.planes(new ImageDecoder(LIMIT).decode(png), 3);
		float[][] imageIo = ImagePreprocessor.planes(ImageIO.read(new ByteArrayInputStream(png)), 3);
		assertThat(direct).isDeepEqualTo(imageIo);
	}

	@Test
	void imageIoWrittenFilesTakeTheDirectPath() throws IOException {
		BufferedImage rgb = new BufferedImage(50, 40, BufferedImage.TYPE_3BYTE_BGR);
		Random random = new Random(5);
		for (int y = 0; y < 40; y++) {
			for (int x = 0; x < 50; x++) {
				rgb.setRGB(x, y, (x * 5) << 16 | (y * 6) << 8 | random.nextInt(256));
			}
		}
		byte[] png = PngImages.encode(rgb);
		BufferedImage direct = PngRaster.decode(png, LIMIT);
		assertThat(direct).isNotNull();
		assertSamePixels(direct, ImageIO.read(new ByteArrayInputStream(png)));
	}

	@Test
	void palettesSixteenBitsInterlacingAndTransparentColoursAreLeftToImageIo() throws IOException {
		BufferedImage indexed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
		assertThat(PngRaster.decode(PngImages.encode(indexed), LIMIT)).isNull();
		BufferedImage deep = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
		assertThat(PngRaster.decode(PngImages.encode(deep), LIMIT)).isNull();
		assertThat(PngRaster.decode(png(8, 8, 2, 0, 1, new Random(1), 1), LIMIT)).isNull();
		byte[] transparent = withChunk(png(8, 8, 2, 0, 0, new Random(1), 1), "tRNS", new byte[6]);
		assertThat(PngRaster.decode(transparent, LIMIT)).isNull();
		// ImageIO still decodes them.
		assertThat(new ImageDecoder(LIMIT).decode(PngImages.encode(indexed)).getWidth()).isEqualTo(8);
	}

	@Test
	void truncatedOrCorruptDataIsLeftToImageIoWhichRefusesIt() {
		byte[] png = png(30, 30, 2, 1, 0, new Random(2), 1);
		byte[] truncated = Arrays.copyOf(png, png.length - 40);
		assertThat(PngRaster.decode(truncated, LIMIT)).isNull();
		byte[] corrupt = png.clone();
		Arrays.fill(corrupt, 45, 70, (byte) 0x55);
		assertThat(PngRaster.decode(corrupt, LIMIT)).isNull();
		ImageDecoder decoder = new ImageDecoder(LIMIT);
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> decoder.decode(truncated));
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> decoder.decode(corrupt));
	}

	@Test
	void tooManyPixelsAreRefusedFromTheHeader() {
		byte[] png = png(200, 100, 0, 0, 0, new Random(4), 1);
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> PngRaster.decode(png, 10_000))
			.withMessage("the image has 200x100 pixels, more than the limit of 10000");
	}

	private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
		assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
		assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
		assertThat(actual.getColorModel().getNumComponents()).isEqualTo(expected.getColorModel().getNumComponents());
		int bands = expected.getRaster().getNumBands();
		assertThat(actual.getRaster().getNumBands()).isEqualTo(bands);
		for (int y = 0; y < expected.getHeight(); y++) {
			for (int x = 0; x < expected.getWidth(); x++) {
				assertThat(actual.getRGB(x, y)).as("pixel %d, %d", x, y).isEqualTo(expected.getRGB(x, y));
				for (int band = 0; band < bands; band++) {
					assertThat(actual.getRaster().getSample(x, y, band))
						.isEqualTo(expected.getRaster().getSample(x, y, band));
				}
			}
		}
	}

	// A PNG of smooth gradients plus noise (so every filter sees carries and negative
	// differences), every row with the given filter, its data split over several chunks.
	private static byte[] png(int width, int height, int colorType, int filter, int interlace, Random random,
			int chunks) {
		int bands = switch (colorType) {
			case 0 -> 1;
			case 4 -> 2;
			case 2 -> 3;
			default -> 4;
		};
		int stride = width * bands;
		int[] pixels = new int[height * stride];
		for (int i = 0; i < pixels.length; i++) {
			int x = (i % stride) / bands;
			int y = i / stride;
			pixels[i] = (x * 7 + y * 3 + (i % bands) * 40 + random.nextInt(60)) & 0xFF;
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		for (int y = 0; y < height; y++) {
			raw.write(filter);
			for (int i = 0; i < stride; i++) {
				int left = (i >= bands) ? pixels[y * stride + i - bands] : 0;
				int above = (y > 0) ? pixels[(y - 1) * stride + i] : 0;
				int corner = (i >= bands && y > 0) ? pixels[(y - 1) * stride + i - bands] : 0;
				int predicted = switch (filter) {
					case 1 -> left;
					case 2 -> above;
					case 3 -> (left + above) / 2;
					case 4 -> paeth(left, above, corner);
					default -> 0;
				};
				raw.write((pixels[y * stride + i] - predicted) & 0xFF);
			}
		}
		byte[] compressed = deflate(raw.toByteArray());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
		header.put((byte) 8).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) interlace);
		chunk(out, "IHDR", header.array());
		chunk(out, "gAMA", ByteBuffer.allocate(4).putInt(45455).array());
		int step = (compressed.length + chunks - 1) / chunks;
		for (int from = 0; from < compressed.length; from += step) {
			chunk(out, "IDAT", Arrays.copyOfRange(compressed, from, Math.min(compressed.length, from + step)));
		}
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static byte[] withChunk(byte[] png, String type, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		chunk(out, type, data);
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	private static int paeth(int a, int b, int c) {
		int p = a + b - c;
		int pa = Math.abs(p - a);
		int pb = Math.abs(p - b);
		int pc = Math.abs(p - c);
		return (pa <= pb && pa <= pc) ? a : (pb <= pc) ? b : c;
	}

	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater();
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
