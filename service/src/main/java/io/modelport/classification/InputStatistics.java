package io.modelport.classification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.modelport.datasets.ImageSet;
import io.modelport.store.InputSpec;

/**
 * Summary statistics of a classifier's training images, saved in its descriptor under
 * {@code parameters.inputStatistics}, against which an input is measured: the mean and
 * the standard deviation, across the training images, of each image's own pixel mean and
 * pixel standard deviation (pixels divided by the input scale, so in [0, 1]). Two numbers
 * per image are crude, but they catch the commonest out-of-domain inputs (a photo on a
 * light background given to a model trained on dark-background thumbnails) at no cost.
 *
 * @param meanOfMeans the average image mean
 * @param stdOfMeans the spread of image means
 * @param meanOfStds the average image standard deviation
 * @param stdOfStds the spread of image standard deviations
 * @param images how many images the statistics summarise
 * @author Modelport Team
 */
public record InputStatistics(double meanOfMeans, double stdOfMeans, double meanOfStds, double stdOfStds, int images) {

	/** The descriptor parameter that holds the statistics. */
	public static final String PARAMETER = "inputStatistics";

	/**
	 * Measures a set of training images.
	 * @param set the images
	 * @return their statistics
	 */
	public static InputStatistics of(ImageSet set) {
		int size = set.rows() * set.cols();
		double[] means = new double[set.count()];
		double[] stds = new double[set.count()];
		float[] values = new float[size];
		for (int i = 0; i < set.count(); i++) {
			for (int p = 0; p < size; p++) {
				values[p] = (set.pixels()[i * size + p] & 0xFF) / 255f;
			}
			double[] ms = meanAndStd(values);
			means[i] = ms[0];
			stds[i] = ms[1];
		}
		double[] m = meanAndStd(means);
		double[] s = meanAndStd(stds);
		return new InputStatistics(m[0], m[1], s[0], s[1], set.count());
	}

	/**
	 * Reads the statistics saved in a descriptor's parameters.
	 * @param parameters the descriptor's task parameters
	 * @return the statistics, empty when the version has none
	 */
	public static Optional<InputStatistics> fromParameters(Map<String, Object> parameters) {
		if (!(parameters.get(PARAMETER) instanceof Map<?, ?> map)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new InputStatistics(number(map, "meanOfMeans"), number(map, "stdOfMeans"),
					number(map, "meanOfStds"), number(map, "stdOfStds"), (int) number(map, "images")));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The statistics as a descriptor parameter value.
	 * @return the map to save under {@link #PARAMETER}
	 */
	public Map<String, Object> toParameter() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("meanOfMeans", round(this.meanOfMeans));
		map.put("stdOfMeans", round(this.stdOfMeans));
		map.put("meanOfStds", round(this.meanOfStds));
		map.put("stdOfStds", round(this.stdOfStds));
		map.put("images", this.images);
		return map;
	}

	/**
	 * How far a preprocessed input lies from the training images: the larger of the
	 * absolute z-scores of its pixel mean and its pixel standard deviation.
	 * @param tensor the normalised input tensor, channels × height × width
	 * @param spec the input spec that normalised it
	 * @return the distance in training standard deviations
	 */
	public double distance(float[] tensor, InputSpec spec) {
		int plane = spec.width() * spec.height();
		float[] mean = spec.mean();
		float[] std = spec.std();
		float[] raw = new float[tensor.length];
		for (int i = 0; i < tensor.length; i++) {
			int c = i / plane;
			raw[i] = tensor[i] * std[c] + mean[c];
		}
		double[] ms = meanAndStd(raw);
		double zMean = (ms[0] - this.meanOfMeans) / Math.max(this.stdOfMeans, 1e-6);
		double zStd = (ms[1] - this.meanOfStds) / Math.max(this.stdOfStds, 1e-6);
		return Math.max(Math.abs(zMean), Math.abs(zStd));
	}

	private static double[] meanAndStd(float[] values) {
		double[] doubles = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			doubles[i] = values[i];
		}
		return meanAndStd(doubles);
	}

	private static double[] meanAndStd(double[] values) {
		double sum = 0;
		double squares = 0;
		for (double v : values) {
			sum += v;
			squares += v * v;
		}
		double mean = sum / values.length;
		return new double[] { mean, Math.sqrt(Math.max(0, squares / values.length - mean * mean)) };
	}

	private static double number(Map<?, ?> map, String key) {
		if (map.get(key) instanceof Number number) {
			return number.doubleValue();
		}
		throw new IllegalArgumentException(key);
	}

	private static double round(double value) {
		return Math.round(value * 1e6) / 1e6;
	}

}
