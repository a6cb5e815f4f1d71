package io.modelport.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Grayscale conversion and resizing for dataset images: gray images keep their values,
 * colour images become BT.601 luma; shrinking averages areas, enlarging interpolates
 * bilinearly, each axis on its own.
 *
 * @author Modelport Team
 */
final class GrayImages {

	private GrayImages() {
	}

	/**
	 * Converts an image to gray values.
	 * @param image the image
	 * @return the values, 0-255, row-major
	 */
	static float[] gray(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		float[] values = new float[width * height];
		if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
			Raster raster = image.getRaster();
			double scale = 255.0 / ((1L << image.getColorModel().getComponentSize(0)) - 1);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					values[y * width + x] = (float) (raster.getSample(x, y, 0) * scale);
				}
			}
			return values;
		}
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = image.getRGB(x, y);
				values[y * width + x] = (float) (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF)
						+ 0.114 * (rgb & 0xFF));
			}
		}
		return values;
	}

	/**
	 * Resizes gray values.
	 * @param source the values, row-major
	 * @param sourceWidth the source width
	 * @param sourceHeight the source height
	 * @param width the new width
	 * @param height the new height
	 * @param target where to write the rounded values
	 * @param offset the index of the first value in {@code target}
	 */
	static void resize(float[] source, int sourceWidth, int sourceHeight, int width, int height, byte[] target,
			int offset) {
		Axis columns = Axis.of(sourceWidth, width);
		Axis rows = Axis.of(sourceHeight, height);
		float[] horizontal = new float[sourceHeight * width];
		for (int y = 0; y < sourceHeight; y++) {
			for (int x = 0; x < width; x++) {
				float sum = 0;
				float[] weights = columns.weights[x];
				for (int k = 0; k < weights.length; k++) {
					sum += weights[k] * source[y * sourceWidth + columns.first[x] + k];
				}
				horizontal[y * width + x] = sum;
			}
		}
		for (int y = 0; y < height; y++) {
			float[] weights = rows.weights[y];
			for (int x = 0; x < width; x++) {
				float sum = 0;
				for (int k = 0; k < weights.length; k++) {
					sum += weights[k] * horizontal[(rows.first[y] + k) * width + x];
				}
				target[offset + y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
			}
		}
	}

	/**
	 * The source pixels, and their weights, that make each target pixel along one axis.
	 */
	private static final class Axis {

		private final int[] first;

		private final float[][] weights;

		private Axis(int[] first, float[][] weights) {
			this.first = first;
			this.weights = weights;
		}

		static Axis of(int source, int target) {
			int[] first = new int[target];
			float[][] weights = new float[target][];
			double scale = (double) source / target;
			for (int i = 0; i < target; i++) {
				if (scale >= 1) {
					double low = i * scale;
					double high = Math.min(source, (i + 1) * scale);
					int start = (int) Math.floor(low);
					int end = Math.min(source, (int) Math.ceil(high));
					weights[i] = new float[end - start];
					for (int k = start; k < end; k++) {
						double covered = Math.min(high, k + 1) - Math.max(low, k);
						weights[i][k - start] = (float) (Math.max(0, covered) / (high - low));
					}
					first[i] = start;
				}
				else {
					double position = Math.max(0, Math.min(source - 1, (i + 0.5) * scale - 0.5));
					int start = (int) Math.floor(position);
					float fraction = (float) (position - start);
					first[i] = start;
					weights[i] = (start + 1 < source) ? new float[] { 1 - fraction, fraction } : new float[] { 1 };
				}
			}
			return new Axis(first, weights);
		}

	}

}
