package io.modelport.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Reads the planes of the images decoders produce most (8-bit gray, gray + alpha, RGB and
 * RGBA in one byte array, as PNG and JPEG decode) straight from their pixel bytes in one
 * pass. {@link BufferedImage#getRGB} converts every pixel through the colour model, which
 * took most of the time of preprocessing a 224×224 image; the values read here are the
 * same bytes it returns for these layouts.
 *
 * @author Modelport Team
 */
final class Raster8 {

	private Raster8() {
	}

	/**
	 * Fills the planes when the image has a layout this class reads.
	 * @param image the image
	 * @param planes one plane per model channel (1: gray, 3: RGB), width × height each
	 * @return whether it did; {@code false} leaves the planes untouched
	 */
	static boolean read(BufferedImage image, float[][] planes) {
		Raster raster = image.getRaster();
		if (!(image.getColorModel() instanceof ComponentColorModel model)
				|| !(raster.getSampleModel() instanceof ComponentSampleModel layout)
				|| !(raster.getDataBuffer() instanceof DataBufferByte buffer) || model.isAlphaPremultiplied()) {
			return false;
		}
		int bands = raster.getNumBands();
		boolean gray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands <= 2;
		boolean rgb = model.getColorSpace().isCS_sRGB() && (bands == 3 || bands == 4);
		if (!(gray || rgb) || buffer.getNumBanks() != 1) {
			return false;
		}
		for (int band = 0; band < bands; band++) {
			if (model.getComponentSize(band) != 8 || layout.getBankIndices()[band] != 0) {
				return false;
			}
		}
		byte[] data = buffer.getData();
		int pixelStride = layout.getPixelStride();
		int scanline = layout.getScanlineStride();
		int[] offsets = layout.getBandOffsets();
		int origin = buffer.getOffset() + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanline
				+ (raster.getMinX() - raster.getSampleModelTranslateX()) * pixelStride;
		int w = image.getWidth();
		int h = image.getHeight();
		int channels = planes.length;
		for (int y = 0; y < h; y++) {
			int at = origin + y * scanline;
			int row = y * w;
			for (int x = 0; x < w; x++, at += pixelStride) {
				if (gray) {
					float v = data[at + offsets[0]] & 0xFF;
					for (int c = 0; c < channels; c++) {
						planes[c][row + x] = v;
					}
					continue;
				}
				int r = data[at + offsets[0]] & 0xFF;
				int g = data[at + offsets[1]] & 0xFF;
				int b = data[at + offsets[2]] & 0xFF;
				if (channels == 1) {
					planes[0][row + x] = ImagePreprocessor.luma(r, g, b);
				}
				else {
					planes[0][row + x] = r;
					planes[1][row + x] = g;
					planes[2][row + x] = b;
				}
			}
		}
		return true;
	}

}
