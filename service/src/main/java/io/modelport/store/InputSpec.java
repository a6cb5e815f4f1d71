package io.modelport.store;

import java.util.Arrays;

/**
 * How an image becomes the input tensor: the same steps the model saw in training. Pixels
 * are divided by {@code scale}, then standardised per channel with {@code mean} and
 * {@code std}, laid out as channels × height × width.
 *
 * @param width the input width in pixels
 * @param height the input height in pixels
 * @param channels 1 for grayscale, 3 for RGB
 * @param scale the divisor that brings raw pixel values to the training range
 * @param mean the per-channel mean subtracted after scaling
 * @param std the per-channel standard deviation divided by after the mean
 * @author Modelport Team
 */
public record InputSpec(int width, int height, int channels, float scale, float[] mean, float[] std) {

	public InputSpec {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("input width and height must be positive");
		}
		if (channels != 1 && channels != 3) {
			throw new IllegalArgumentException("input channels must be 1 or 3, was " + channels);
		}
		if (!(scale > 0)) {
			throw new IllegalArgumentException("input scale must be positive");
		}
		mean = (mean != null) ? mean.clone() : new float[channels];
		std = (std != null) ? std.clone() : filled(channels, 1f);
		if (mean.length != channels || std.length != channels) {
			throw new IllegalArgumentException("input mean and std need one value per channel (" + channels + ")");
		}
		for (float s : std) {
			if (!(s > 0)) {
				throw new IllegalArgumentException("input std values must be positive");
			}
		}
	}

	/**
	 * Normalises one raw pixel value of one channel.
	 * @param raw the raw value, 0 to 255
	 * @param channel the channel index
	 * @return the value fed to the network
	 */
	public float normalize(float raw, int channel) {
		return (raw / this.scale - this.mean[channel]) / this.std[channel];
	}

	@Override
	public float[] mean() {
		return this.mean.clone();
	}

	@Override
	public float[] std() {
		return this.std.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof InputSpec that && this.width == that.width && this.height == that.height
				&& this.channels == that.channels && this.scale == that.scale && Arrays.equals(this.mean, that.mean)
				&& Arrays.equals(this.std, that.std);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * (31 * this.width + this.height) + this.channels) + Arrays.hashCode(this.mean);
	}

	@Override
	public String toString() {
		return "InputSpec[" + this.width + "x" + this.height + "x" + this.channels + ", scale=" + this.scale + ", mean="
				+ Arrays.toString(this.mean) + ", std=" + Arrays.toString(this.std) + "]";
	}

	private static float[] filled(int n, float value) {
		float[] values = new float[n];
		Arrays.fill(values, value);
		return values;
	}

}
