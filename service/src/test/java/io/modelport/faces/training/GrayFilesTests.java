package io.modelport.faces.training;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Plain (P2) PGM files are read like binary ones, and the upload check names what is
 * wrong with a PGM.
 *
 * @author Modelport Team
 */
class GrayFilesTests {

	@Test
	void readsPlainPgmWithCommentsAndStretchesMaxval() {
		byte[] plain = "P2\n# a face\n3 2\n15\n0 15 5\n10 # end of row\n1 2".getBytes(StandardCharsets.US_ASCII);
		assertThat(GrayFiles.isPgm(plain)).isTrue();
		GrayPicture picture = GrayFiles.readPgm(plain, "face.pgm", 100);
		assertThat(picture.width()).isEqualTo(3);
		assertThat(picture.height()).isEqualTo(2);
		assertThat(picture.pixels()).containsExactly(0, (byte) 255, 85, (byte) 170, 17, 34);
	}

	@Test
	void checkNamesTheProblem() {
		assertThat(GrayFiles.isPgm("GIF89a".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> GrayFiles.checkPgm("P2\n2 2\n255\n1 2 3".getBytes(StandardCharsets.US_ASCII), "a/b.pgm", 100))
			.withMessage("a/b.pgm: holds 3 of the 4 pixel values its header announces");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GrayFiles.checkPgm("P2\n2 1\n9\n1 12".getBytes(StandardCharsets.US_ASCII), "c.pgm", 100))
			.withMessage("c.pgm: pixel value 12 exceeds maxval 9");
	}

}
