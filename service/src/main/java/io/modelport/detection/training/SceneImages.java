package io.modelport.detection.training;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;

/**
 * Converts between {@link Scene scenes} and Java images, for reading data sets, for
 * debugging and for tests.
 *
 * @author Modelport Team
 */
public final class SceneImages {

	// Labelling tools round box edges; an edge this far past the image is clipped, not an
	// error.
	private static final float EDGE_TOLERANCE = 1;

	private SceneImages() {
	}

	/**
	 * Draws a scene's pixels (not its boxes).
	 * @param scene the scene, 1 or 3 channels
	 * @return an 8-bit gray image for 1 channel, a 3-byte BGR image for 3
	 */
	public static BufferedImage toImage(Scene scene) {
		int w = scene.width();
		int h = scene.height();
		if (scene.channels() == 1) {
			BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
			image.getRaster().setDataElements(0, 0, w, h, scene.pixels());
			return image;
		}
		if (scene.channels() != 3) {
			throw new IllegalArgumentException("cannot draw a scene with " + scene.channels() + " channels");
		}
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		int[] samples = new int[scene.pixels().length];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = scene.pixels()[i] & 0xFF;
		}
		// Raster bands follow the colour model's R, G, B order whatever the byte layout.
		image.getRaster().setPixels(0, 0, w, h, samples);
		return image;
	}

	/**
	 * Turns an image into a scene at its own size: gray images (8 or 16 bit) keep one
	 * channel, read from the raster so that Java's gray colour space does not shift the
	 * values; every other image becomes RGB. Alpha is dropped.
	 * @param image the image
	 * @param objects the objects labelled in it
	 * @return the scene
	 */
	public static Scene toScene(BufferedImage image, List<GroundTruth> objects) {
		int w = image.getWidth();
		int h = image.getHeight();
		if (isGray(image)) {
			Raster raster = image.getRaster();
			float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
			byte[] pixels = new byte[w * h];
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					pixels[y * w + x] = (byte) Math.round(raster.getSample(x, y, 0) * 255f / max);
				}
			}
			return new Scene(w, h, 1, pixels, objects);
		}
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		byte[] pixels = new byte[w * h * 3];
		for (int i = 0; i < rgb.length; i++) {
			pixels[i * 3] = (byte) (rgb[i] >> 16);
			pixels[i * 3 + 1] = (byte) (rgb[i] >> 8);
			pixels[i * 3 + 2] = (byte) rgb[i];
		}
		return new Scene(w, h, 3, pixels, objects);
	}

	/**
	 * Decodes an image file, refusing one with too many pixels before decoding it.
	 * @param file a PNG, JPEG, GIF or BMP file
	 * @param maxPixels the largest width × height accepted
	 * @return the image
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when it is not an image or too large
	 */
	public static BufferedImage read(Path file, long maxPixels) throws IOException {
		try {
			return new ImageDecoder(maxPixels).decode(Files.readAllBytes(file));
		}
		catch (InvalidImageException ex) {
			throw new IllegalArgumentException(file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks that a box lies inside its image, clipping edges that poke out by rounding.
	 * @param box the box, in pixels
	 * @param width the image width
	 * @param height the image height
	 * @return the clipped box, or {@code null} when it reaches more than a pixel outside
	 */
	static BoundingBox inside(BoundingBox box, int width, int height) {
		if (box.x() < -EDGE_TOLERANCE || box.y() < -EDGE_TOLERANCE || box.right() > width + EDGE_TOLERANCE
				|| box.bottom() > height + EDGE_TOLERANCE) {
			return null;
		}
		if (box.x() >= 0 && box.y() >= 0 && box.right() <= width && box.bottom() <= height) {
			return box;
		}
		float left = Math.max(0, box.x());
		float top = Math.max(0, box.y());
		float right = Math.min(width, box.right());
		float bottom = Math.min(height, box.bottom());
		return (right > left && bottom > top) ? new BoundingBox(left, top, right - left, bottom - top) : null;
	}

	private static boolean isGray(BufferedImage image) {
		return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
				&& image.getRaster().getNumBands() <= 2 && image.getColorModel().getComponentSize(0) <= 16;
	}

}
