package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF and BMP bytes. The dimensions are read from the header first, so
 * an image whose pixel count exceeds the limit (a decompression bomb) is refused before
 * any pixel buffer is allocated.
 *
 * @author Modelport Team
 */
public class ImageDecoder {

	static {
		// Decode in memory: no temporary files for every request.
		ImageIO.setUseCache(false);
	}

	private final long maxPixels;

	/**
	 * Creates a decoder.
	 * @param maxPixels the largest width × height accepted
	 */
	public ImageDecoder(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	/**
	 * Decodes an image.
	 * @param bytes the encoded image
	 * @return the image
	 * @throws InvalidImageException when the bytes are empty, not an image, corrupt, or
	 * the image has too many pixels
	 */
	public BufferedImage decode(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidImageException("the image is empty");
		}
		if (PgmImages.isPgm(bytes)) {
			try {
				return PgmImages.read(bytes, "PGM", this.maxPixels);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidImageException(ex.getMessage(), ex);
			}
		}
		if (PngRaster.isPng(bytes)) {
			BufferedImage image = PngRaster.decode(bytes, this.maxPixels);
			if (image != null) {
				return image;
			}
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new InvalidImageException("the data is not a PNG, JPEG, GIF, BMP or PGM image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > this.maxPixels) {
					throw new InvalidImageException("the image has " + reader.getWidth(0) + "x" + reader.getHeight(0)
							+ " pixels, more than the limit of " + this.maxPixels);
				}
				if (pixels == 0) {
					throw new InvalidImageException("the image has no pixels");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (InvalidImageException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// ImageIO reports truncated and corrupt data through many exception types.
			throw new InvalidImageException("the image cannot be decoded: " + describe(ex), ex);
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message != null && message.length() < 200) ? message : ex.getClass().getSimpleName();
	}

}
