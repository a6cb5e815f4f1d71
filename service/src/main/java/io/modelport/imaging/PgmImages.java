package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Reads PGM images ({@code P5} binary and {@code P2} plain), the format face sets such as
 * ORL come in and Java's ImageIO does not read, for both serving and training, so both
 * see the same pixels.
 *
 * @author Modelport Team
 */
public final class PgmImages {

	private PgmImages() {
	}

	/**
	 * Whether bytes start like a PGM file ({@code P5} or {@code P2}).
	 * @param data the file contents
	 * @return {@code true} for a PGM signature
	 */
	public static boolean isPgm(byte[] data) {
		return data.length >= 2 && data[0] == 'P' && (data[1] == '5' || data[1] == '2');
	}

	/**
	 * Parses a PGM: "P5" (binary) or "P2" (plain), width, height and maxval as ASCII
	 * numbers separated by white space (with {@code #} comments up to the end of a line),
	 * then for P5 one white-space character and width × height raw bytes, for P2 width ×
	 * height ASCII numbers. Values are stretched to 0-255 when maxval is below 255, so
	 * every face set shares one scale.
	 * @param data the file contents
	 * @param name the file name for error messages
	 * @param maxPixels the largest width × height accepted
	 * @return the image, 8-bit gray
	 * @throws IllegalArgumentException when it is malformed or too large, naming the file
	 */
	public static BufferedImage read(byte[] data, String name, long maxPixels) {
		if (!isPgm(data)) {
			throw new IllegalArgumentException(name + ": not a PGM (P5 or P2) file");
		}
		boolean plain = data[1] == '2';
		int[] position = { 2 };
		int width = headerNumber(data, position, name, "width");
		int height = headerNumber(data, position, name, "height");
		int maxValue = headerNumber(data, position, name, "maxval");
		if (width < 1 || height < 1 || (long) width * height > maxPixels) {
			throw new IllegalArgumentException(
					name + ": " + width + "x" + height + " pixels is empty or more than the limit of " + maxPixels);
		}
		if (maxValue < 1 || maxValue > 255) {
			throw new IllegalArgumentException(
					name + ": maxval " + maxValue + " is not 1-255 (16-bit PGM is not read)");
		}
		long count = (long) width * height;
		if (plain) {
			return readPlainPixels(data, position, name, width, height, maxValue);
		}
		// Exactly one white-space byte separates the header from the raster.
		int start = position[0] + 1;
		if (data.length - start < count) {
			throw new IllegalArgumentException(name + ": holds " + Math.max(0, data.length - start) + " of the " + count
					+ " pixel bytes its header announces");
		}
		byte[] pixels = new byte[(int) count];
		for (int i = 0; i < pixels.length; i++) {
			int value = data[start + i] & 0xFF;
			if (value > maxValue) {
				throw new IllegalArgumentException(name + ": pixel value " + value + " exceeds maxval " + maxValue);
			}
			pixels[i] = (byte) Math.round(value * 255f / maxValue);
		}
		return image(width, height, pixels);
	}

	private static BufferedImage readPlainPixels(byte[] data, int[] position, String name, int width, int height,
			int maxValue) {
		// Every value takes at least one byte: a header announcing more values than the
		// file has bytes is refused before the raster is allocated.
		if (data.length - position[0] < (long) width * height) {
			throw new IllegalArgumentException(name + ": holds " + (data.length - position[0])
					+ " bytes, fewer than the " + ((long) width * height) + " pixel values its header announces");
		}
		byte[] pixels = new byte[width * height];
		for (int i = 0; i < pixels.length; i++) {
			// The last number may end the file; a trailing space lets headerNumber stop.
			int value = (position[0] >= data.length) ? -1 : plainNumber(data, position);
			if (value < 0) {
				throw new IllegalArgumentException(
						name + ": holds " + i + " of the " + pixels.length + " pixel values its header announces");
			}
			if (value > maxValue) {
				throw new IllegalArgumentException(name + ": pixel value " + value + " exceeds maxval " + maxValue);
			}
			pixels[i] = (byte) Math.round(value * 255f / maxValue);
		}
		return image(width, height, pixels);
	}

	// The next ASCII number, or -1 when none is left.
	private static int plainNumber(byte[] data, int[] position) {
		int i = skipSpaceAndComments(data, position[0]);
		int value = 0;
		int digits = 0;
		while (i < data.length && data[i] >= '0' && data[i] <= '9' && digits < 6) {
			value = value * 10 + (data[i++] - '0');
			digits++;
		}
		position[0] = i;
		return (digits == 0) ? -1 : value;
	}

	private static int headerNumber(byte[] data, int[] position, String name, String field) {
		int i = skipSpaceAndComments(data, position[0]);
		long value = 0;
		int digits = 0;
		while (i < data.length && data[i] >= '0' && data[i] <= '9' && digits < 10) {
			value = value * 10 + (data[i++] - '0');
			digits++;
		}
		if (digits == 0 || value > Integer.MAX_VALUE || i >= data.length || !isSpace(data[i])) {
			throw new IllegalArgumentException(name + ": the PGM header has no valid " + field);
		}
		position[0] = i;
		return (int) value;
	}

	// White space, and comments from # to the end of their line.
	private static int skipSpaceAndComments(byte[] data, int start) {
		int i = start;
		while (i < data.length && (isSpace(data[i]) || data[i] == '#')) {
			if (data[i] == '#') {
				while (i < data.length && data[i] != '\n' && data[i] != '\r') {
					i++;
				}
			}
			else {
				i++;
			}
		}
		return i;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
	}

	private static BufferedImage image(int width, int height, byte[] pixels) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		System.arraycopy(pixels, 0, raster, 0, pixels.length);
		return image;
	}

}
