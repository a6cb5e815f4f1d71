package io.modelport.training;

import java.util.Arrays;
import java.util.Random;

import io.modelport.datasets.ImageSet;

/**
 * The train, dev and test splits of a run (docs/ml-notes.md, "Training a network"). The
 * dev split is carved out of the training data with the seed, so dev and train come from
 * the same distribution; the test split is the data set's own when it has one, otherwise
 * carved out as well.
 *
 * @param train the images trained on
 * @param dev the images that choose the best epoch and drive early stopping
 * @param test the images the final model is evaluated on
 * @author Modelport Team
 */
public record DataSplits(ImageSet train, ImageSet dev, ImageSet test) {

	/**
	 * Splits a data set.
	 * @param train the training images
	 * @param test the data set's test images, {@code null} when it has none
	 * @param settings the settings (fractions and seed), with defaults
	 * @return the splits
	 * @throws IllegalArgumentException when a split would be empty
	 */
	public static DataSplits of(ImageSet train, ImageSet test, TrainingSettings settings) {
		int[] order = shuffled(train.count(), new Random(settings.seed()));
		int testSize = (test != null) ? 0 : (int) Math.round(train.count() * settings.testFraction());
		int devSize = (int) Math.round(train.count() * settings.devFraction());
		if (devSize < 1 || (test == null && testSize < 1) || train.count() - devSize - testSize < 1) {
			throw new IllegalArgumentException(
					"the data set has " + train.count() + " training images, too few for a train, dev and test split");
		}
		ImageSet dev = train.select(Arrays.copyOfRange(order, 0, devSize));
		ImageSet heldOut = (test != null) ? test : train.select(Arrays.copyOfRange(order, devSize, devSize + testSize));
		ImageSet fit = train.select(Arrays.copyOfRange(order, devSize + testSize, order.length));
		return new DataSplits(fit, dev, heldOut);
	}

	public static int[] shuffled(int n, Random random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

}
