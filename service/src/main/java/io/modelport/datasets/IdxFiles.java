package io.modelport.datasets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.modelport.core.InvalidRequestException;
import io.modelport.web.PayloadTooLargeException;

/**
 * Finds and checks IDX files (the MNIST format) without loading them: a streaming pass
 * checks magic numbers, counts and lengths so a lying header or a gzip bomb costs no
 * memory.
 *
 * @author Modelport Team
 */
final class IdxFiles {

	static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

	static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

	static final String TEST_IMAGES = "t10k-images-idx3-ubyte";

	static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

	static final int IMAGES_MAGIC = 0x00000803;

	static final int LABELS_MAGIC = 0x00000801;

	// The largest Java array, which ImageSet.readIdx allocates for all pixels.
	private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

	private IdxFiles() {
	}

	/**
	 * Finds an IDX file, gzipped or plain.
	 * @param directory the folder
	 * @param baseName the name without {@code .gz}
	 * @return the file, empty when neither form exists
	 */
	static Optional<Path> find(Path directory, String baseName) {
		Path gzipped = directory.resolve(baseName + ".gz");
		if (Files.isRegularFile(gzipped)) {
			return Optional.of(gzipped);
		}
		Path plain = directory.resolve(baseName);
		return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
	}

	static Header header(Path file) throws IOException {
		try (DataInputStream in = open(file)) {
			int magic = in.readInt();
			int count = in.readInt();
			boolean images = magic == IMAGES_MAGIC;
			return new Header(magic, count, images ? in.readInt() : 0, images ? in.readInt() : 0);
		}
	}

	/**
	 * Checks a pair of IDX files in full.
	 * @param images the image file
	 * @param labels the label file
	 * @param maxBytes the most pixel bytes accepted
	 * @return what the pair holds
	 * @throws IOException when a file cannot be read
	 * @throws InvalidRequestException when the files are not a valid IDX pair
	 * @throws PayloadTooLargeException when the images have more than {@code maxBytes}
	 */
	static Split inspect(Path images, Path labels, long maxBytes) throws IOException {
		String imagesName = images.getFileName().toString();
		String labelsName = labels.getFileName().toString();
		try (DataInputStream imageIn = open(images); DataInputStream labelIn = open(labels)) {
			if (imageIn.readInt() != IMAGES_MAGIC) {
				throw new InvalidRequestException(imagesName + " is not an IDX image file (wrong magic number)");
			}
			if (labelIn.readInt() != LABELS_MAGIC) {
				throw new InvalidRequestException(labelsName + " is not an IDX label file (wrong magic number)");
			}
			int count = imageIn.readInt();
			int rows = imageIn.readInt();
			int cols = imageIn.readInt();
			int labelCount = labelIn.readInt();
			if (count <= 0 || rows <= 0 || cols <= 0) {
				throw new InvalidRequestException(imagesName + " declares " + count + " images of " + rows + "x" + cols
						+ " pixels: all three must be positive");
			}
			if (count != labelCount) {
				throw new InvalidRequestException(
						imagesName + " has " + count + " images but " + labelsName + " has " + labelCount + " labels");
			}
			long pixels = (long) count * rows * cols;
			if (pixels > Math.min(maxBytes, MAX_PIXELS)) {
				throw new PayloadTooLargeException(imagesName + " declares " + pixels
						+ " pixel bytes, more than the limit of " + Math.min(maxBytes, MAX_PIXELS));
			}
			skipExactly(imageIn, pixels, imagesName);
			boolean[] seen = new boolean[256];
			int distinct = 0;
			int max = 0;
			for (int i = 0; i < count; i++) {
				int label = labelIn.read();
				if (label < 0) {
					throw new InvalidRequestException(
							labelsName + " is truncated: it has fewer than " + count + " labels");
				}
				if (!seen[label]) {
					seen[label] = true;
					distinct++;
				}
				max = Math.max(max, label);
			}
			requireEnd(labelIn, labelsName);
			return new Split(count, rows, cols, distinct, max);
		}
		catch (EOFException ex) {
			throw new InvalidRequestException(imagesName + " or " + labelsName + " is truncated");
		}
		catch (ZipException ex) {
			throw new InvalidRequestException(
					imagesName + " or " + labelsName + " is not valid gzip: " + ex.getMessage());
		}
	}

	private static void skipExactly(InputStream in, long length, String name) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = length;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new InvalidRequestException(
						name + " is truncated: it has " + (length - left) + " of " + length + " pixel bytes");
			}
			left -= read;
		}
		requireEnd(in, name);
	}

	private static void requireEnd(InputStream in, String name) throws IOException {
		if (in.read() >= 0) {
			throw new InvalidRequestException(name + " has bytes after the data its header declares");
		}
	}

	static DataInputStream open(Path file) throws IOException {
		InputStream raw = Files.newInputStream(file);
		try {
			boolean gzipped = file.getFileName().toString().endsWith(".gz");
			return new DataInputStream(gzipped ? new GZIPInputStream(raw, 64 * 1024) : raw);
		}
		catch (IOException ex) {
			raw.close();
			throw ex;
		}
	}

	/**
	 * The header of an IDX file.
	 *
	 * @param magic the magic number
	 * @param count the number of items
	 * @param rows the image height, 0 for a label file
	 * @param cols the image width, 0 for a label file
	 */
	record Header(int magic, int count, int rows, int cols) {

	}

	/**
	 * What a checked pair of IDX files holds.
	 *
	 * @param count the number of images
	 * @param rows the image height
	 * @param cols the image width
	 * @param distinctLabels how many different labels occur
	 * @param maxLabel the largest label
	 */
	record Split(int count, int rows, int cols, int distinctLabels, int maxLabel) {

	}

}
