package io.modelport.robustness;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import io.modelport.Fixtures;
import io.modelport.faces.FaceImagesFixture;
import io.modelport.imaging.CraftedImages;

/**
 * Image inputs: the committed samples in every format the service reads, and mutations of
 * them (truncated, bytes flipped, chunks cut or repeated), decompression bombs whose
 * header claims far more pixels than the body holds, and random bytes.
 *
 * @author Modelport Team
 */
final class Images {

	static final byte[] PNG = Fixtures.image("trouser.png");

	static final byte[] FACE = FaceImagesFixture.png("alice", 32, 32, 220);

	static final List<byte[]> VALID = List.of(PNG, FACE, encode(read(PNG), "jpeg"), encode(read(FACE), "gif"),
			encode(read(FACE), "bmp"), pgm(20, 16));

	private Images() {
	}

	/** A valid image, a mutation of one, a bomb or noise. */
	static byte[] any(Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1 -> Nasty.pick(random, VALID);
			case 2 -> bomb(random);
			case 3 -> Nasty.randomBytes(random, 2048);
			default -> mutate(random, Nasty.pick(random, VALID));
		};
	}

	static byte[] mutate(Random random, byte[] image) {
		byte[] bytes = image.clone();
		return switch (random.nextInt(5)) {
			case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
			case 1 -> {
				int flips = 1 + random.nextInt(16);
				for (int i = 0; i < flips; i++) {
					bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
				}
				yield bytes;
			}
			case 2 -> {
				// Cut a run out of the middle.
				int from = random.nextInt(bytes.length);
				int to = Math.min(bytes.length, from + 1 + random.nextInt(64));
				byte[] cut = new byte[bytes.length - (to - from)];
				System.arraycopy(bytes, 0, cut, 0, from);
				System.arraycopy(bytes, to, cut, from, bytes.length - to);
				yield cut;
			}
			case 3 -> {
				// Repeat the header region many times: chunk and marker parsers loop.
				int header = Math.min(bytes.length, 8 + random.nextInt(64));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(bytes, 0, header);
				for (int i = 0; i < 50; i++) {
					out.write(bytes, Math.min(8, header), header - Math.min(8, header));
				}
				yield out.toByteArray();
			}
			default -> {
				// Overwrite 4 bytes near the start with an extreme integer (sizes,
				// lengths).
				int at = Math.min(bytes.length - 4, random.nextInt(Math.min(bytes.length, 40)));
				int value = Nasty.pick(random, List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65535, 100_000));
				for (int i = 0; i < 4 && at + i < bytes.length && at >= 0; i++) {
					bytes[at + i] = (byte) (value >>> (24 - 8 * i));
				}
				yield bytes;
			}
		};
	}

	/** A header claiming a huge picture, with almost no data behind it. */
	static byte[] bomb(Random random) {
		int side = Nasty.pick(random, List.of(7000, 65535, 100_000, Integer.MAX_VALUE));
		return switch (random.nextInt(4)) {
			case 0 -> pngHeader(side, side);
			case 1 -> jpegHeader(Math.min(side, 65535), Math.min(side, 65535));
			case 2 -> ("P5\n" + side + " " + side + "\n255\n").getBytes(StandardCharsets.US_ASCII);
			default -> ("P2 " + side + " " + side + " 255 0 1 2").getBytes(StandardCharsets.US_ASCII);
		};
	}

	/**
	 * A PNG signature and an IHDR chunk (CRC right) declaring the size, and no pixels.
	 */
	static byte[] pngHeader(int width, int height) {
		return CraftedImages.pngHeader(width, height);
	}

	/**
	 * A small real JPEG whose baseline SOF0 frame header is rewritten to declare the
	 * size: about a kilobyte that claims width × height pixels.
	 */
	static byte[] jpegHeader(int width, int height) {
		return CraftedImages.jpegHeader(width, height);
	}

	static byte[] pgm(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < width * height; i++) {
			out.write(i % 256);
		}
		return out.toByteArray();
	}

	static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static BufferedImage read(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			rgb.getGraphics().drawImage(image, 0, 0, null);
			return rgb;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
