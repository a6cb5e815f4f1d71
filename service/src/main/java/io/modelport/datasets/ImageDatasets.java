package io.modelport.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;

/**
 * Loads image datasets as gray images of one size, without Spring, for the training
 * worker.
 *
 * @author Modelport Team
 */
public final class ImageDatasets {

	// Uploads were checked against the configured limit when they were stored.
	private static final ImageDecoder decoder = new ImageDecoder(Integer.MAX_VALUE);

	private ImageDatasets() {
	}

	/**
	 * Loads an image dataset.
	 * @param dataset the dataset, from the catalog or {@link Dataset#read(Path)}
	 * @param width the image width to train on
	 * @param height the image height to train on
	 * @return the images: an {@code idx} dataset keeps its test split, an
	 * {@code image-folders} dataset has none; labels are the class folder names, the
	 * Fashion-MNIST names for the built-in set, or {@code "0"} to {@code "n-1"}
	 * @throws IOException when a file is missing or cannot be read or decoded
	 * @throws IllegalArgumentException when the dataset is not an image dataset or a size
	 * is not positive
	 */
	public static LabelledImages load(Dataset dataset, int width, int height) throws IOException {
		if (!dataset.kind().isImages()) {
			throw new IllegalArgumentException(
					"dataset '" + dataset.name() + "' is " + dataset.kind().id() + ", not an image dataset");
		}
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("the image size must be positive, got " + width + "x" + height);
		}
		return (dataset.kind() == DatasetKind.IDX) ? loadIdx(dataset, width, height)
				: loadFolders(dataset.dataDirectory(), width, height);
	}

	private static LabelledImages loadIdx(Dataset dataset, int width, int height) throws IOException {
		Path data = dataset.dataDirectory();
		ImageSet train = resize(readIdx(data, IdxFiles.TRAIN_IMAGES, IdxFiles.TRAIN_LABELS, true), width, height);
		ImageSet test = resize(readIdx(data, IdxFiles.TEST_IMAGES, IdxFiles.TEST_LABELS, false), width, height);
		if (dataset.isBuiltIn()) {
			return new LabelledImages(train, test, FashionMnist.LABELS);
		}
		int max = IntStream.of(train.labels()).max().orElse(0);
		if (test != null) {
			max = Math.max(max, IntStream.of(test.labels()).max().orElse(0));
		}
		List<String> labels = IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList();
		return new LabelledImages(train, test, labels);
	}

	private static ImageSet readIdx(Path data, String imagesName, String labelsName, boolean required)
			throws IOException {
		Path images = IdxFiles.find(data, imagesName).orElse(null);
		Path labels = IdxFiles.find(data, labelsName).orElse(null);
		if (images == null || labels == null) {
			if (required || images != null || labels != null) {
				throw new IOException(data + " lacks " + ((images != null) ? labelsName : imagesName) + "[.gz]");
			}
			return null;
		}
		return ImageSet.readIdx(images, labels, 0);
	}

	private static ImageSet resize(ImageSet set, int width, int height) {
		if (set == null || (set.cols() == width && set.rows() == height)) {
			return set;
		}
		int size = set.rows() * set.cols();
		byte[] pixels = new byte[set.count() * width * height];
		float[] image = new float[size];
		for (int i = 0; i < set.count(); i++) {
			for (int p = 0; p < size; p++) {
				image[p] = set.pixels()[i * size + p] & 0xFF;
			}
			GrayImages.resize(image, set.cols(), set.rows(), width, height, pixels, i * width * height);
		}
		return new ImageSet(set.count(), height, width, pixels, set.labels().clone());
	}

	private static LabelledImages loadFolders(Path data, int width, int height) throws IOException {
		List<Path> classFolders = ImageFolders.classFolders(data);
		List<String> labels = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		List<Integer> fileLabels = new ArrayList<>();
		for (Path classFolder : classFolders) {
			for (Path file : ImageFolders.images(classFolder)) {
				files.add(file);
				fileLabels.add(labels.size());
			}
			labels.add(classFolder.getFileName().toString());
		}
		int size = width * height;
		byte[] pixels = new byte[Math.multiplyExact(files.size(), size)];
		int[] imageLabels = new int[files.size()];
		for (int i = 0; i < files.size(); i++) {
			BufferedImage image = decode(files.get(i), data);
			GrayImages.resize(GrayImages.gray(image), image.getWidth(), image.getHeight(), width, height, pixels,
					i * size);
			imageLabels[i] = fileLabels.get(i);
		}
		return new LabelledImages(new ImageSet(files.size(), height, width, pixels, imageLabels), null,
				List.copyOf(labels));
	}

	private static BufferedImage decode(Path file, Path data) throws IOException {
		try {
			return decoder.decode(Files.readAllBytes(file));
		}
		catch (InvalidImageException ex) {
			throw new IOException(data.relativize(file) + " cannot be decoded: " + ex.getMessage(), ex);
		}
	}

}
