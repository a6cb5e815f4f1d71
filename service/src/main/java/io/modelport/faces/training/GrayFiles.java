package io.modelport.faces.training;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;

/**
 * Reads face image files as 8-bit gray pictures: PGM (binary {@code P5}, the format of
 * the ORL faces, and plain {@code P2}, neither of which ImageIO can read) with a small
 * reader of its own, and PNG or JPEG through ImageIO. Public so that data set uploads
 * check face images with the same reader that training uses.
 *
 * @author Modelport Team
 */
final class GrayFiles {

	private GrayFiles() {
	}

	/**
	 * Whether a file name has an extension this class reads.
	 * @param file the file
	 * @return {@code true} for {@code .pgm}, {@code .png}, {@code .jpg} and {@code .jpeg}
	 */
	static boolean isImage(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.startsWith(".")
				&& (name.endsWith(".pgm") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
	}

	/**
	 * Reads one image file.
	 * @param file the file
	 * @param maxPixels the largest width × height accepted
	 * @return the gray picture
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when it is malformed or too large, naming the file
	 */
	static GrayPicture read(Path file, long maxPixels) throws IOException {
		byte[] data = Files.readAllBytes(file);
		try {
			// PGM included: the decoder reads it as serving does.
			return gray(new ImageDecoder(maxPixels).decode(data));
		}
		catch (InvalidImageException ex) {
			throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Gray values of a decoded image: gray images are read from the raster (Java's
	 * {@code getRGB} would shift them through its linear gray colour space), colour
	 * images become BT.601 luma. Alpha is ignored.
	 * @param image the decoded image
	 * @return its gray values
	 */
	private static GrayPicture gray(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		byte[] pixels = new byte[width * height];
		if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
			Raster raster = image.getRaster();
			double scale = 255.0 / ((1L << image.getColorModel().getComponentSize(0)) - 1);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					pixels[y * width + x] = (byte) Math.round(raster.getSample(x, y, 0) * scale);
				}
			}
			return new GrayPicture(width, height, pixels);
		}
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		for (int i = 0; i < rgb.length; i++) {
			double luma = 0.299 * ((rgb[i] >> 16) & 0xFF) + 0.587 * ((rgb[i] >> 8) & 0xFF) + 0.114 * (rgb[i] & 0xFF);
			pixels[i] = (byte) Math.round(luma);
		}
		return new GrayPicture(width, height, pixels);
	}

}
