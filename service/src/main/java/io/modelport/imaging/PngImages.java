package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Encodes pictures the service answers with (rendered boxes, ROC curves) as PNG bytes.
 *
 * @author Modelport Team
 */
public final class PngImages {

	private PngImages() {
	}

	/**
	 * Encodes an image as PNG.
	 * @param image the image
	 * @return the PNG bytes
	 */
	public static byte[] encode(BufferedImage image) {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			// Writing to memory does not fail on I/O.
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
