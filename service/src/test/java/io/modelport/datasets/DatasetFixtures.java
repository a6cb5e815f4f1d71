package io.modelport.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.util.unit.DataSize;

import io.modelport.imaging.PngImages;

/**
 * Small datasets generated in memory for tests: PNG images, zip archives and IDX files.
 *
 * @author Modelport Team
 */
final class DatasetFixtures {

	private DatasetFixtures() {
	}

	static DatasetProperties properties(Path location, Path fashionMnist) {
		return new DatasetProperties(location, fashionMnist, DataSize.ofMegabytes(512), 100000, DataSize.ofGigabytes(2),
				100, 40_000_000L, location.resolve("no-bible"));
	}

	static DatasetProperties properties(Path location, Path fashionMnist, int maxEntries, DataSize maxUncompressed) {
		return new DatasetProperties(location, fashionMnist, DataSize.ofMegabytes(512), maxEntries, maxUncompressed,
				100, 40_000_000L, location.resolve("no-bible"));
	}

	static byte[] grayPng(int width, int height, int value) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.getRaster().setSample(x, y, 0, value);
			}
		}
		return png(image);
	}

	static byte[] rgbPng(int width, int height, int rgb) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, rgb);
			}
		}
		return png(image);
	}

	static byte[] png(BufferedImage image) {
		return PngImages.encode(image);
	}

	/**
	 * A zip archive of the entries, in iteration order; a {@code null} value makes a
	 * folder entry.
	 * @param entries the names and contents
	 * @return the archive
	 */
	static byte[] zip(Map<String, byte[]> entries) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
					zip.putNextEntry(new ZipEntry(entry.getKey()));
					if (entry.getValue() != null) {
						zip.write(entry.getValue());
					}
					zip.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * IDX images whose pixel {@code p} of image {@code i} is {@code (i * 16 + p) % 256}.
	 * @param count the number of images
	 * @param rows the height
	 * @param cols the width
	 * @return the file content
	 */
	static byte[] idxImages(int count, int rows, int cols) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(0x00000803);
			out.writeInt(count);
			out.writeInt(rows);
			out.writeInt(cols);
			for (int i = 0; i < count; i++) {
				for (int p = 0; p < rows * cols; p++) {
					out.write((i * 16 + p) % 256);
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] idxLabels(int... labels) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(0x00000801);
			out.writeInt(labels.length);
			for (int label : labels) {
				out.write(label);
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] gzip(byte[] content) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
				out.write(content);
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
