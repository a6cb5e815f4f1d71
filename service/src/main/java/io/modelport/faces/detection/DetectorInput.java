package io.modelport.faces.detection;

import io.modelport.nn.TinyFaceDetectorNet;

/**
 * The detector's input as face-api builds it: the photo padded with black to a square at
 * the bottom or right, resized to the input side with TF's bilinear rule (no corner
 * alignment, no half-pixel centres: source = destination × in / out), the mean RGB
 * subtracted and the result divided by 255.
 *
 * @author Modelport Team
 */
final class DetectorInput {

	private DetectorInput() {
	}

	/**
	 * Builds the input.
	 * @param planes the R, G, B planes, 0-255
	 * @param w the photo width
	 * @param h the photo height
	 * @param size the input side
	 * @return 3 × size × size values
	 */
	static float[] tensor(float[][] planes, int w, int h, int size) {
		int side = Math.max(w, h);
		double ratio = (double) side / size;
		int[] y0 = new int[size];
		int[] y1 = new int[size];
		double[] fy = new double[size];
		for (int i = 0; i < size; i++) {
			double source = ratio * i;
			y0[i] = (int) Math.floor(source);
			y1[i] = Math.min(side - 1, (int) Math.ceil(source));
			fy[i] = source - y0[i];
		}
		float[] tensor = new float[3 * size * size];
		for (int c = 0; c < 3; c++) {
			float[] plane = planes[c];
			int offset = c * size * size;
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					double top = lerp(pixel(plane, w, h, y0[y], y0[x]), pixel(plane, w, h, y0[y], y1[x]), fy[x]);
					double bottom = lerp(pixel(plane, w, h, y1[y], y0[x]), pixel(plane, w, h, y1[y], y1[x]), fy[x]);
					float value = (float) lerp(top, bottom, fy[y]);
					tensor[offset + y * size + x] = (value - TinyFaceDetectorNet.MEAN_RGB[c]) / 255f;
				}
			}
		}
		return tensor;
	}

	// TF.js keeps the resized image as float32 before normalising; so does the cast
	// above.
	private static double lerp(double a, double b, double t) {
		return a + (b - a) * t;
	}

	// The padding is black, below and to the right of the photo.
	private static float pixel(float[] plane, int w, int h, int y, int x) {
		return (x < w && y < h) ? plane[y * w + x] : 0f;
	}

	/**
	 * The fraction of the input the photo fills along one axis, as face-api rounds it.
	 * @param extent the photo's width or height
	 * @param w the width
	 * @param h the height
	 * @param size the input side
	 * @return the filled fraction
	 */
	static double fill(int extent, int w, int h, int size) {
		double scale = (double) size / Math.max(w, h);
		return Math.round(extent * scale) / (double) size;
	}

}
