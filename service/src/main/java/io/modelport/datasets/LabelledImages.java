package io.modelport.datasets;

import java.util.List;

/**
 * The images of a dataset, ready for training.
 *
 * @param train the training images
 * @param test the test images, {@code null} when the dataset has no test split
 * @param labels the class names, index = label
 * @author Modelport Team
 */
public record LabelledImages(ImageSet train, ImageSet test, List<String> labels) {

	/**
	 * Tells whether the dataset came with a test split.
	 * @return {@code true} when {@link #test()} is not {@code null}
	 */
	public boolean hasTest() {
		return this.test != null;
	}

}
