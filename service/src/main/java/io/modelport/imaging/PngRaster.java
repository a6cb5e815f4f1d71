package io.modelport.imaging;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs clients send most (8-bit gray, gray + alpha, RGB or RGBA, not
 * interlaced) straight into one pixel byte array: the chunks are walked in the request's
 * bytes, the image data is inflated in one call and the rows are unfiltered in place. The
 * image has the layout ImageIO's PNG reader gives the same file (interleaved bytes, a
 * component colour model), so everything downstream reads the same values; ImageIO's
 * reader spent most of its time in its stream layers, per row and per chunk. Any other
 * PNG, or one with something unexpected (a palette, 16-bit samples, interlacing, an ICC
 * profile or a transparent colour, which ImageIO converts, a truncated or corrupt
 * stream), is left to ImageIO, which decodes it or reports the error.
 *
 * @author Modelport Team
 */
final class PngRaster {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PngRaster() {
	}

	static boolean isPng(byte[] bytes) {
		if (bytes.length < SIGNATURE.length) {
			return false;
		}
		for (int i = 0; i < SIGNATURE.length; i++) {
			if (bytes[i] != SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Decodes a PNG this class handles.
	 * @param png the PNG bytes, signature included
	 * @param maxPixels the largest width × height accepted
	 * @return the image, or {@code null} when ImageIO should decode it
	 * @throws InvalidImageException when the image has too many pixels
	 */
	static BufferedImage decode(byte[] png, long maxPixels) {
		int at = SIGNATURE.length;
		if (!isPng(png) || chunkLength(png, at) != 13 || !type(png, at, "IHDR")) {
			return null;
		}
		int width = readInt(png, at + 8);
		int height = readInt(png, at + 12);
		int depth = png[at + 16];
		int colorType = png[at + 17];
		if (width <= 0 || height <= 0 || depth != 8 || png[at + 18] != 0 || png[at + 19] != 0 || png[at + 20] != 0) {
			return null;
		}
		int bands = switch (colorType) {
			case 0 -> 1;
			case 4 -> 2;
			case 2 -> 3;
			case 6 -> 4;
			default -> 0;
		};
		if (bands == 0) {
			return null;
		}
		if ((long) width * height > maxPixels) {
			throw new InvalidImageException(
					"the image has " + width + "x" + height + " pixels, more than the limit of " + maxPixels);
		}
		Inflater inflater = new Inflater();
		try {
			int stride = width * bands;
			byte[] filtered = new byte[Math.multiplyExact(height, stride + 1)];
			int inflated = 0;
			at += 25;
			boolean ended = false;
			while (!ended) {
				int length = chunkLength(png, at);
				if (length < 0 || at + 12L + length > png.length) {
					return null;
				}
				if (type(png, at, "IDAT")) {
					inflater.setInput(png, at + 8, length);
					while (!inflater.needsInput() && !inflater.finished() && inflated < filtered.length) {
						int more = inflater.inflate(filtered, inflated, filtered.length - inflated);
						if (more == 0 && !inflater.needsInput() && !inflater.finished()) {
							// A preset dictionary, or no progress: ImageIO decides.
							return null;
						}
						inflated += more;
					}
				}
				else if (type(png, at, "IEND")) {
					ended = true;
				}
				else if (!ignorable(png, at)) {
					return null;
				}
				at += 12 + length;
			}
			if (inflated != filtered.length) {
				return null;
			}
			return unfilter(filtered, height, stride, bands) ? image(filtered, width, height, bands) : null;
		}
		catch (DataFormatException | ArithmeticException ex) {
			return null;
		}
		finally {
			inflater.end();
		}
	}

	// Ancillary chunks (lower-case first letter) that do not change the pixels ImageIO
	// gives; an ICC profile or a transparent colour does, and so does any critical chunk
	// other than the image data (a palette).
	private static boolean ignorable(byte[] png, int at) {
		boolean ancillary = (png[at + 4] & 0x20) != 0;
		return ancillary && !type(png, at, "iCCP") && !type(png, at, "tRNS");
	}

	// Undoes the per-row filters (PNG specification, section 9) in place: row y moves y +
	// 1
	// bytes to the front, over filter bytes and samples that were already read, so the
	// pixels end up in the first height × stride bytes. False for an unknown filter.
	private static boolean unfilter(byte[] data, int height, int stride, int bpp) {
		for (int y = 0; y < height; y++) {
			int in = y * (stride + 1) + 1;
			int out = y * stride;
			int up = out - stride;
			switch (data[in - 1]) {
				case 0 -> System.arraycopy(data, in, data, out, stride);
				case 1 -> {
					for (int i = 0; i < stride; i++) {
						int left = (i >= bpp) ? data[out + i - bpp] : 0;
						data[out + i] = (byte) (data[in + i] + left);
					}
				}
				case 2 -> {
					for (int i = 0; i < stride; i++) {
						int above = (y > 0) ? data[up + i] : 0;
						data[out + i] = (byte) (data[in + i] + above);
					}
				}
				case 3 -> {
					for (int i = 0; i < stride; i++) {
						int left = (i >= bpp) ? data[out + i - bpp] & 0xFF : 0;
						int above = (y > 0) ? data[up + i] & 0xFF : 0;
						data[out + i] = (byte) (data[in + i] + ((left + above) >>> 1));
					}
				}
				case 4 -> {
					for (int i = 0; i < stride; i++) {
						int left = (i >= bpp) ? data[out + i - bpp] & 0xFF : 0;
						int above = (y > 0) ? data[up + i] & 0xFF : 0;
						int corner = (i >= bpp && y > 0) ? data[up + i - bpp] & 0xFF : 0;
						data[out + i] = (byte) (data[in + i] + paeth(left, above, corner));
					}
				}
				default -> {
					return false;
				}
			}
		}
		return true;
	}

	private static int paeth(int left, int above, int corner) {
		int estimate = left + above - corner;
		int toLeft = Math.abs(estimate - left);
		int toAbove = Math.abs(estimate - above);
		int toCorner = Math.abs(estimate - corner);
		if (toLeft <= toAbove && toLeft <= toCorner) {
			return left;
		}
		return (toAbove <= toCorner) ? above : corner;
	}

	private static BufferedImage image(byte[] pixels, int width, int height, int bands) {
		boolean alpha = bands == 2 || bands == 4;
		ColorSpace space = ColorSpace.getInstance((bands <= 2) ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
		ComponentColorModel model = new ComponentColorModel(space, alpha, false,
				alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
		int[] offsets = new int[bands];
		for (int band = 0; band < bands; band++) {
			offsets[band] = band;
		}
		WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(pixels, height * width * bands),
				width, height, width * bands, bands, offsets, null);
		return new BufferedImage(model, raster, false, null);
	}

	private static int chunkLength(byte[] png, int at) {
		return (at + 8 <= png.length) ? readInt(png, at) : -1;
	}

	private static boolean type(byte[] png, int at, String type) {
		for (int i = 0; i < 4; i++) {
			if (at + 4 + i >= png.length || png[at + 4 + i] != type.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int readInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
				| (bytes[at + 3] & 0xFF);
	}

}
