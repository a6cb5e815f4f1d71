package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Image files whose headers lie about their size: a few hundred bytes that claim billions
 * of pixels, the shape of a decompression bomb.
 *
 * @author Modelport Team
 */
public final class CraftedImages {

	private CraftedImages() {
	}

	/**
	 * A PNG signature and an IHDR chunk (CRC right) declaring the size, and no pixels.
	 * @param width the declared width
	 * @param height the declared height
	 * @return the file's bytes
	 */
	public static byte[] pngHeader(int width, int height) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		try {
			out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			ByteArrayOutputStream chunk = new ByteArrayOutputStream();
			DataOutputStream data = new DataOutputStream(chunk);
			data.writeBytes("IHDR");
			data.writeInt(width);
			data.writeInt(height);
			data.write(new byte[] { 8, 0, 0, 0, 0 });
			out.writeInt(13);
			out.write(chunk.toByteArray());
			CRC32 crc = new CRC32();
			crc.update(chunk.toByteArray());
			out.writeInt((int) crc.getValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A small real JPEG whose baseline SOF0 frame header is rewritten to declare the
	 * size.
	 * @param width the declared width (at most 65535)
	 * @param height the declared height (at most 65535)
	 * @return the file's bytes
	 */
	public static byte[] jpegHeader(int width, int height) {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		try {
			ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), "jpeg", encoded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] jpeg = encoded.toByteArray();
		for (int i = 2; i + 8 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				jpeg[i + 5] = (byte) (height >>> 8);
				jpeg[i + 6] = (byte) height;
				jpeg[i + 7] = (byte) (width >>> 8);
				jpeg[i + 8] = (byte) width;
				return jpeg;
			}
		}
		throw new IllegalStateException("no SOF0 marker");
	}

}
