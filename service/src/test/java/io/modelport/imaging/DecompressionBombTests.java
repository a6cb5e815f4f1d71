package io.modelport.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Headers that claim far more pixels than the limit, in every format the decoder reads,
 * with almost no data behind them: each is refused from its header, quickly and without
 * allocating a raster (measured with the thread's allocation counter; 100000 × 100000
 * pixels would need 10 GB).
 *
 * @author Modelport Team
 */
class DecompressionBombTests {

	private static final long LIMIT = 40_000_000;

	private final ImageDecoder decoder = new ImageDecoder(LIMIT);

	@Test
	void everyFormatIsRefusedFromItsHeader() throws IOException {
		List<byte[]> bombs = List.of(CraftedImages.pngHeader(100_000, 100_000),
				CraftedImages.jpegHeader(60_000, 60_000), gif(65_535, 65_535), bmp(8_000, 8_000),
				ascii("P5\n100000 100000\n255\n"), ascii("P2 100000 100000 255 0 1 2"));
		for (byte[] bomb : bombs) {
			refuse(bomb);
			long before = allocated();
			long start = System.nanoTime();
			assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(bomb))
				.withMessageContaining("more than the limit of " + LIMIT);
			assertThat(allocated() - before).as("bytes allocated").isLessThan(4L * 1024 * 1024);
			assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
		}
	}

	@Test
	void aPlainPgmWithFewerBytesThanItsHeaderAnnouncesIsRefusedBeforeItsRaster() {
		byte[] pgm = ascii("P2 5000 5000 255 0 1 2");
		refuse(pgm);
		long before = allocated();
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(pgm))
			.withMessageContaining("fewer than the 25000000 pixel values");
		assertThat(allocated() - before).isLessThan(1024 * 1024);
	}

	// The first refusal loads the readers' classes; the measured one must not allocate.
	private void refuse(byte[] bomb) {
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> this.decoder.decode(bomb));
	}

	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	/** A GIF screen and image descriptor of the given size and a one-byte image. */
	private static byte[] gif(int width, int height) {
		ByteBuffer gif = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
		gif.putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0).put((byte) 0);
		gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
		gif.put((byte) 0).put((byte) 2).put((byte) 1).put((byte) 0x44).put((byte) 0).put((byte) 0x3B);
		return java.util.Arrays.copyOf(gif.array(), gif.position());
	}

	/**
	 * A 24-bit BMP header of the given size and no pixels; its file size field claims the
	 * pixels are there (the JDK's reader checks that field).
	 */
	private static byte[] bmp(int width, int height) {
		ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
		bmp.put((byte) 'B').put((byte) 'M').putInt(54 + width * height * 3).putInt(0).putInt(54);
		bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0);
		bmp.putInt(2835).putInt(2835).putInt(0).putInt(0);
		return bmp.array();
	}

	private static byte[] ascii(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
