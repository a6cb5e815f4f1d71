package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST data set as installed by the Debian package
 * {@code dataset-fashion-mnist}: 60,000 training and 10,000 test images of 28×28 pixels.
 *
 * @author Modelport Team
 */
public final class FashionMnist {

	/** Where the Debian package installs the IDX files. */
	public static final Path DEBIAN_LOCATION = Path.of("/usr/share/datasets/fashion-mnist");

	/** The class labels, index = class. */
	public static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
			"Shirt", "Sneaker", "Bag", "Ankle boot");

	private FashionMnist() {
	}

	/**
	 * Reads the training split.
	 * @param folder the folder with the IDX files
	 * @param limit at most this many images, 0 for all
	 * @return the images
	 * @throws IOException when the files are missing or invalid
	 */
	public static ImageSet train(Path folder, int limit) throws IOException {
		return ImageSet.readIdx(folder.resolve("train-images-idx3-ubyte.gz"),
				folder.resolve("train-labels-idx1-ubyte.gz"), limit);
	}

	/**
	 * Reads the test split.
	 * @param folder the folder with the IDX files
	 * @param limit at most this many images, 0 for all
	 * @return the images
	 * @throws IOException when the files are missing or invalid
	 */
	public static ImageSet test(Path folder, int limit) throws IOException {
		return ImageSet.readIdx(folder.resolve("t10k-images-idx3-ubyte.gz"),
				folder.resolve("t10k-labels-idx1-ubyte.gz"), limit);
	}

}
