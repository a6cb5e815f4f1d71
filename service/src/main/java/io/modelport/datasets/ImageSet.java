package io.modelport.datasets;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A labelled set of grayscale images held as raw bytes, read from IDX files (the
 * MNIST/Fashion-MNIST format: big-endian magic, counts, then unsigned bytes).
 *
 * @param count the number of images
 * @param rows the image height
 * @param cols the image width
 * @param pixels all pixels, image after image, row-major, 0-255 as unsigned bytes
 * @param labels the class index of each image
 * @author Modelport Team
 */
public record ImageSet(int count, int rows, int cols, byte[] pixels, int[] labels) {

	private static final int IMAGES_MAGIC = 0x00000803;

	private static final int LABELS_MAGIC = 0x00000801;

	public ImageSet {
		if (pixels.length != (long) count * rows * cols || labels.length != count) {
			throw new IllegalArgumentException("pixel or label count does not match " + count + " images");
		}
	}

	/**
	 * Reads a pair of IDX files, gzipped or not.
	 * @param images the image file ({@code *-images-idx3-ubyte[.gz]})
	 * @param labels the label file ({@code *-labels-idx1-ubyte[.gz]})
	 * @param limit read at most this many images (for small fixtures); 0 for all
	 * @return the image set
	 * @throws IOException when a file is missing or not in IDX format
	 */
	public static ImageSet readIdx(Path images, Path labels, int limit) throws IOException {
		try (DataInputStream in = open(images); DataInputStream labelIn = open(labels)) {
			if (in.readInt() != IMAGES_MAGIC) {
				throw new IOException(images.getFileName() + " is not an IDX image file");
			}
			if (labelIn.readInt() != LABELS_MAGIC) {
				throw new IOException(labels.getFileName() + " is not an IDX label file");
			}
			int count = in.readInt();
			int labelCount = labelIn.readInt();
			if (count != labelCount) {
				throw new IOException("image count " + count + " differs from label count " + labelCount);
			}
			int n = (limit > 0) ? Math.min(limit, count) : count;
			int rows = in.readInt();
			int cols = in.readInt();
			byte[] pixels = new byte[n * rows * cols];
			in.readFully(pixels);
			byte[] rawLabels = new byte[n];
			labelIn.readFully(rawLabels);
			int[] labelValues = new int[n];
			for (int i = 0; i < n; i++) {
				labelValues[i] = rawLabels[i] & 0xFF;
			}
			return new ImageSet(n, rows, cols, pixels, labelValues);
		}
	}

	private static DataInputStream open(Path file) throws IOException {
		InputStream raw = Files.newInputStream(file);
		InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
		return new DataInputStream(in);
	}

	/**
	 * The raw value of one pixel.
	 * @param image the image index
	 * @param row the row
	 * @param col the column
	 * @return the value, 0-255
	 */
	public int pixel(int image, int row, int col) {
		return this.pixels[(image * this.rows + row) * this.cols + col] & 0xFF;
	}

	/**
	 * One image as an 8-bit grayscale picture, its pixels exactly as stored.
	 * @param image the image index
	 * @return the picture
	 */
	public java.awt.image.BufferedImage toImage(int image) {
		java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(this.cols, this.rows,
				java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
		for (int r = 0; r < this.rows; r++) {
			for (int c = 0; c < this.cols; c++) {
				picture.getRaster().setSample(c, r, 0, pixel(image, r, c));
			}
		}
		return picture;
	}

	/**
	 * The mean and standard deviation of all pixels after dividing by 255, the
	 * normalisation statistics saved with a model.
	 * @return {mean, std}
	 */
	public float[] meanAndStd() {
		double sum = 0;
		double sumSquares = 0;
		for (byte b : this.pixels) {
			double v = (b & 0xFF) / 255.0;
			sum += v;
			sumSquares += v * v;
		}
		double mean = sum / this.pixels.length;
		double variance = sumSquares / this.pixels.length - mean * mean;
		return new float[] { (float) mean, (float) Math.sqrt(variance) };
	}

	/**
	 * A subset of this set.
	 * @param indices the images to keep, in order
	 * @return the subset
	 */
	public ImageSet select(int[] indices) {
		int size = this.rows * this.cols;
		byte[] subset = new byte[indices.length * size];
		int[] subsetLabels = new int[indices.length];
		for (int i = 0; i < indices.length; i++) {
			System.arraycopy(this.pixels, indices[i] * size, subset, i * size, size);
			subsetLabels[i] = this.labels[indices[i]];
		}
		return new ImageSet(indices.length, this.rows, this.cols, subset, subsetLabels);
	}

}
