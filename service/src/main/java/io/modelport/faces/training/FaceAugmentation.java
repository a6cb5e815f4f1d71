package io.modelport.faces.training;

import java.util.Random;

/**
 * Random changes to a preprocessed training face (one channel, height × width values): a
 * horizontal flip, a shift of a few pixels (the border repeats into the gap), and a
 * contrast and brightness change around the image mean. Faces are nearly symmetric and
 * never perfectly centred or lit, so these teach the embedding what not to notice. Used
 * for training only; dev, test and serving see the plain preprocessed image.
 *
 * @param flip whether to mirror half of the images
 * @param maxShift the largest shift in pixels along each axis, 0 for none
 * @param jitter the brightness change (±jitter) and contrast change (1 ± jitter), 0 for
 * none
 * @param rotation the largest rotation about the centre in degrees, 0 for none
 * @param scale the largest relative zoom (1 ± scale), 0 for none; with a rotation or zoom
 * the face is resampled bilinearly
 * @author Modelport Team
 */
public record FaceAugmentation(boolean flip, int maxShift, double jitter, double rotation, double scale) {

	/**
	 * Flips, shifts and lighting changes only.
	 * @param flip whether to mirror half of the images
	 * @param maxShift the largest shift in pixels
	 * @param jitter the brightness and contrast change
	 */
	public FaceAugmentation(boolean flip, int maxShift, double jitter) {
		this(flip, maxShift, jitter, 0, 0);
	}

	/**
	 * Returns a changed copy of an image.
	 * @param values the preprocessed image, row-major, one channel
	 * @param width the width
	 * @param height the height
	 * @param random the random source
	 * @return the changed copy; the input is left untouched
	 */
	public float[] apply(float[] values, int width, int height, Random random) {
		boolean mirror = this.flip && random.nextBoolean();
		int dx = (this.maxShift > 0) ? random.nextInt(2 * this.maxShift + 1) - this.maxShift : 0;
		int dy = (this.maxShift > 0) ? random.nextInt(2 * this.maxShift + 1) - this.maxShift : 0;
		float contrast = (float) (1 + this.jitter * (2 * random.nextDouble() - 1));
		float brightness = (float) (this.jitter * (2 * random.nextDouble() - 1));
		double sum = 0;
		for (float value : values) {
			sum += value;
		}
		float mean = (float) (sum / values.length);
		float[] out = new float[width * height];
		if (this.rotation > 0 || this.scale > 0) {
			double angle = Math.toRadians(this.rotation * (2 * random.nextDouble() - 1));
			double zoom = 1 + this.scale * (2 * random.nextDouble() - 1);
			warp(values, out, width, height, new double[] { angle, zoom, dx, dy }, mirror);
			for (int i = 0; i < out.length; i++) {
				out[i] = (out[i] - mean) * contrast + mean + brightness;
			}
			return out;
		}
		for (int y = 0; y < height; y++) {
			int sy = Math.max(0, Math.min(height - 1, y - dy));
			for (int x = 0; x < width; x++) {
				int sx = Math.max(0, Math.min(width - 1, x - dx));
				if (mirror) {
					sx = width - 1 - sx;
				}
				out[y * width + x] = (values[sy * width + sx] - mean) * contrast + mean + brightness;
			}
		}
		return out;
	}

	// Each output pixel reads the source where the inverse of (zoom, rotate about the
	// centre, shift, mirror) puts it, bilinearly, with the border repeated.
	private static void warp(float[] in, float[] out, int width, int height, double[] transform, boolean mirror) {
		double cos = Math.cos(transform[0]) / transform[1];
		double sin = Math.sin(transform[0]) / transform[1];
		double cx = (width - 1) / 2.0;
		double cy = (height - 1) / 2.0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double u = (mirror ? width - 1 - x : x) - transform[2] - cx;
				double v = y - transform[3] - cy;
				double sx = Math.max(0, Math.min(width - 1, cos * u + sin * v + cx));
				double sy = Math.max(0, Math.min(height - 1, -sin * u + cos * v + cy));
				int x0 = (int) sx;
				int y0 = (int) sy;
				int x1 = Math.min(width - 1, x0 + 1);
				int y1 = Math.min(height - 1, y0 + 1);
				double fx = sx - x0;
				double fy = sy - y0;
				double top = in[y0 * width + x0] * (1 - fx) + in[y0 * width + x1] * fx;
				double bottom = in[y1 * width + x0] * (1 - fx) + in[y1 * width + x1] * fx;
				out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
			}
		}
	}

}
