package io.modelport.imaging;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Plain (P2) PGM files are read like binary ones, and the upload check names what is
 * wrong with a PGM.
 *
 * @author Modelport Team
 */
class PgmImagesTests {

	@Test
	void readsPlainPgmWithCommentsAndStretchesMaxval() {
		byte[] plain = "P2\n# a face\n3 2\n15\n0 15 5\n10 # end of row\n1 2".getBytes(StandardCharsets.US_ASCII);
		assertThat(PgmImages.isPgm(plain)).isTrue();
		BufferedImage image = PgmImages.read(plain, "face.pgm", 100);
		assertThat(image.getWidth()).isEqualTo(3);
		assertThat(image.getHeight()).isEqualTo(2);
		assertThat(image.getRaster().getPixels(0, 0, 3, 2, (int[]) null)).containsExactly(0, 255, 85, 170, 17, 34);
	}

	@Test
	void theDecoderReadsBinaryPgmAndRefusesATruncatedOne() {
		byte[] binary = new byte[] { 'P', '5', '\n', '2', ' ', '1', '\n', '2', '5', '5', '\n', 7, (byte) 200 };
		BufferedImage image = new ImageDecoder(100).decode(binary);
		assertThat(image.getRaster().getPixels(0, 0, 2, 1, (int[]) null)).containsExactly(7, 200);
		assertThatExceptionOfType(InvalidImageException.class)
			.isThrownBy(() -> new ImageDecoder(100).decode(Arrays.copyOf(binary, 12)))
			.withMessage("PGM: holds 1 of the 2 pixel bytes its header announces");
		assertThatExceptionOfType(InvalidImageException.class).isThrownBy(() -> new ImageDecoder(1).decode(binary))
			.withMessageContaining("more than the limit of 1");
	}

	@Test
	void checkNamesTheProblem() {
		assertThat(PgmImages.isPgm("GIF89a".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgmImages.read("P2\n2 2\n255\n1 2 3".getBytes(StandardCharsets.US_ASCII), "a/b.pgm", 100))
			.withMessage("a/b.pgm: holds 3 of the 4 pixel values its header announces");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgmImages.read("P2\n2 1\n9\n1 12".getBytes(StandardCharsets.US_ASCII), "c.pgm", 100))
			.withMessage("c.pgm: pixel value 12 exceeds maxval 9");
	}

}
