package io.modelport.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import io.modelport.store.InputSpec;

/**
 * Turns a decoded image into the CHW float tensor described by an {@link InputSpec}: read
 * raw channel values, convert grayscale/RGB, resize bilinearly, then scale and
 * standardise exactly as in training. Grayscale images are read from their raster, not
 * through {@code getRGB}, because Java's gray colour space would otherwise shift the
 * values the model saw in training. Alpha is ignored.
 *
 * @author Modelport Team
 */
public final class ImagePreprocessor {

	private ImagePreprocessor() {
	}

	/**
	 * Builds the input tensor.
	 * @param image the decoded image
	 * @param spec the model's input spec
	 * @return channels × height × width values
	 */
	public static float[] toTensor(BufferedImage image, InputSpec spec) {
		float[][] planes = planes(image, spec.channels());
		int size = spec.width() * spec.height();
		float[] tensor = new float[spec.channels() * size];
		for (int c = 0; c < spec.channels(); c++) {
			float[] plane = resize(planes[c], image.getWidth(), image.getHeight(), spec.width(), spec.height());
			for (int i = 0; i < size; i++) {
				tensor[c * size + i] = spec.normalize(plane[i], c);
			}
		}
		return tensor;
	}

	/**
	 * Builds the input tensor of a letterboxed image: the image is resized to
	 * {@code contentWidth × contentHeight} (aspect ratio kept by the caller), placed at
	 * {@code (offsetX, offsetY)}, and the rest of the input is filled with {@code pad}.
	 * @param image the decoded image
	 * @param spec the model's input spec
	 * @param contentWidth the resized image width
	 * @param contentHeight the resized image height
	 * @param offsetX the left padding
	 * @param offsetY the top padding
	 * @param pad the raw 0-255 value of the padding
	 * @return channels × height × width values
	 */
	public static float[] toTensor(BufferedImage image, InputSpec spec, int contentWidth, int contentHeight,
			int offsetX, int offsetY, float pad) {
		float[][] planes = planes(image, spec.channels());
		int size = spec.width() * spec.height();
		float[] tensor = new float[spec.channels() * size];
		for (int c = 0; c < spec.channels(); c++) {
			float[] plane = resize(planes[c], image.getWidth(), image.getHeight(), contentWidth, contentHeight);
			float padded = spec.normalize(pad, c);
			java.util.Arrays.fill(tensor, c * size, (c + 1) * size, padded);
			for (int y = 0; y < contentHeight; y++) {
				for (int x = 0; x < contentWidth; x++) {
					tensor[c * size + (y + offsetY) * spec.width() + x + offsetX] = spec
						.normalize(plane[y * contentWidth + x], c);
				}
			}
		}
		return tensor;
	}

	/**
	 * Reads the raw 0-255 channel values of an image.
	 * @param image the image
	 * @param channels 1 for grayscale (ITU-R BT.601 luma of colour images), 3 for RGB
	 * @return one row-major plane per channel
	 */
	public static float[][] planes(BufferedImage image, int channels) {
		int w = image.getWidth();
		int h = image.getHeight();
		float[][] planes = new float[channels][w * h];
		if (Raster8.read(image, planes)) {
			return planes;
		}
		Raster raster = image.getRaster();
		if (isGray(image)) {
			float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					float v = raster.getSample(x, y, 0) * 255f / max;
					for (int c = 0; c < channels; c++) {
						planes[c][y * w + x] = v;
					}
				}
			}
			return planes;
		}
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < rgb.length; i++) {
			int r = (rgb[i] >> 16) & 0xFF;
			int g = (rgb[i] >> 8) & 0xFF;
			int b = rgb[i] & 0xFF;
			if (channels == 1) {
				planes[0][i] = luma(r, g, b);
			}
			else {
				planes[0][i] = r;
				planes[1][i] = g;
				planes[2][i] = b;
			}
		}
		return planes;
	}

	/**
	 * The gray value of an RGB pixel: ITU-R BT.601 luma, or the value itself when the
	 * pixel is already gray.
	 * @param r red, 0-255
	 * @param g green, 0-255
	 * @param b blue, 0-255
	 * @return the gray value
	 */
	static float luma(int r, int g, int b) {
		return (r == g && g == b) ? r : 0.299f * r + 0.587f * g + 0.114f * b;
	}

	/**
	 * Resizes one plane with bilinear interpolation on pixel centres (the convention of
	 * PyTorch's {@code interpolate(align_corners=False)}).
	 * @param plane the values, row-major
	 * @param w the plane width
	 * @param h the plane height
	 * @param tw the target width
	 * @param th the target height
	 * @return the resized values, or the plane itself when the size already matches
	 */
	public static float[] resize(float[] plane, int w, int h, int tw, int th) {
		if (w == tw && h == th) {
			return plane;
		}
		float[] out = new float[tw * th];
		float sx = (float) w / tw;
		float sy = (float) h / th;
		for (int y = 0; y < th; y++) {
			float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
			int y0 = Math.min((int) fy, h - 1);
			int y1 = Math.min(y0 + 1, h - 1);
			float wy = fy - y0;
			for (int x = 0; x < tw; x++) {
				float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
				int x0 = Math.min((int) fx, w - 1);
				int x1 = Math.min(x0 + 1, w - 1);
				float wx = fx - x0;
				float top = plane[y0 * w + x0] * (1 - wx) + plane[y0 * w + x1] * wx;
				float bottom = plane[y1 * w + x0] * (1 - wx) + plane[y1 * w + x1] * wx;
				out[y * tw + x] = top * (1 - wy) + bottom * wy;
			}
		}
		return out;
	}

	private static boolean isGray(BufferedImage image) {
		return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
				&& image.getRaster().getNumBands() <= 2 && image.getColorModel().getComponentSize(0) <= 16;
	}

}
