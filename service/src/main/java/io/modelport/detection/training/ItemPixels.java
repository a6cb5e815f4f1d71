package io.modelport.detection.training;

import io.modelport.training.ImageSet;

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
		float sx = (float) cols / side;
		float sy = (float) rows / side;
		int[] out = new int[side * side];
		for (int y = 0; y < side; y++) {
			float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
			int y0 = Math.min((int) fy, rows - 1);
			int y1 = Math.min(y0 + 1, rows - 1);
			float wy = fy - y0;
			for (int x = 0; x < side; x++) {
				float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
				int x0 = Math.min((int) fx, cols - 1);
				int x1 = Math.min(x0 + 1, cols - 1);
				float wx = fx - x0;
				float top = items.pixel(item, y0, x0) * (1 - wx) + items.pixel(item, y0, x1) * wx;
				float bottom = items.pixel(item, y1, x0) * (1 - wx) + items.pixel(item, y1, x1) * wx;
				out[y * side + x] = Math.round(top * (1 - wy) + bottom * wy);
			}
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
