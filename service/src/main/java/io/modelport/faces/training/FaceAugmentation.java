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
 * @author Modelport Team
 */
public record FaceAugmentation(boolean flip, int maxShift, double jitter) {

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

}
