package io.modelport.detection.training;

import io.modelport.datasets.ImageSet;
import io.modelport.imaging.ImagePreprocessor;

/**
 * Pixel operations on the items pasted into synthetic scenes; pixels are row-major ints
 * 0-255.
 *
 * @author Modelport Team
 */
final class ItemPixels {

	private ItemPixels() {
	}

	/**
	 * Scales an item to a square with bilinear interpolation on pixel centres.
	 * @param items the items
	 * @param item the item index
	 * @param side the target side
	 * @return side × side pixels
	 */
	static int[] scale(ImageSet items, int item, int side) {
		int rows = items.rows();
		int cols = items.cols();
		float[] plane = new float[rows * cols];
		for (int y = 0; y < rows; y++) {
			for (int x = 0; x < cols; x++) {
				plane[y * cols + x] = items.pixel(item, y, x);
			}
		}
		float[] resized = ImagePreprocessor.resize(plane, cols, rows, side, side);
		int[] out = new int[side * side];
		for (int i = 0; i < out.length; i++) {
			out[i] = Math.round(resized[i]);
		}
		return out;
	}

	/**
	 * Cuts a rectangle out of an item.
	 * @param items the items
	 * @param item the item index
	 * @param left the rectangle's left column
	 * @param top the rectangle's top row
	 * @param width its width
	 * @param height its height
	 * @return width × height pixels
	 */
	static int[] crop(ImageSet items, int item, int left, int top, int width, int height) {
		int[] out = new int[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				out[y * width + x] = items.pixel(item, top + y, left + x);
			}
		}
		return out;
	}

	/**
	 * The tight bounds of the pixels brighter than a threshold.
	 * @param pixels a square of pixels
	 * @param side its side
	 * @param threshold the background level
	 * @return {left, top, right, bottom} with right and bottom exclusive, or {@code null}
	 * when no pixel is brighter
	 */
	static int[] tightBounds(int[] pixels, int side, int threshold) {
		int left = side;
		int top = side;
		int right = -1;
		int bottom = -1;
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				if (pixels[y * side + x] > threshold) {
					left = Math.min(left, x);
					top = Math.min(top, y);
					right = Math.max(right, x);
					bottom = Math.max(bottom, y);
				}
			}
		}
		return (right < 0) ? null : new int[] { left, top, right + 1, bottom + 1 };
	}

	/**
	 * Pastes pixels onto a gray canvas, keeping the brighter value of each pair.
	 * @param canvas the canvas, row-major unsigned bytes
	 * @param canvasWidth the canvas width
	 * @param pixels the pixels to paste
	 * @param width their width
	 * @param height their height
	 * @param x where their left column goes
	 * @param y where their top row goes
	 */
	static void paste(byte[] canvas, int canvasWidth, int[] pixels, int width, int height, int x, int y) {
		for (int row = 0; row < height; row++) {
			for (int col = 0; col < width; col++) {
				int at = (y + row) * canvasWidth + x + col;
				int value = Math.max(canvas[at] & 0xFF, pixels[row * width + col]);
				canvas[at] = (byte) value;
			}
		}
	}

}
