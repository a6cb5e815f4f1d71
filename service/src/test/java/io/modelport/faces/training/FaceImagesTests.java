package io.modelport.faces.training;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FaceImages}: PGM and PNG folders written to a temporary directory and
 * read back exactly.
 *
 * @author Modelport Team
 */
class FaceImagesTests {

	private static final long MAX_PIXELS = 1_000_000;

	@TempDir
	Path root;

	@Test
	void readsPgmFoldersInNaturalOrder() throws IOException {
		writePgm("s10/1.pgm", 3, 2, 255, 1, 2, 3, 4, 5, 6);
		writePgm("s10/2.pgm", 3, 2, 255, 250, 251, 252, 253, 254, 255);
		writePgm("s2/10.pgm", 3, 2, 255, 0, 0, 0, 0, 0, 1);
		writePgm("s2/9.pgm", 3, 2, 255, 9, 9, 9, 9, 9, 9);
		writePgm("s1/a.pgm", 3, 2, 255, 7, 7, 7, 7, 7, 7);
		writePgm("s1/b.pgm", 3, 2, 255, 8, 8, 8, 8, 8, 8);
		Files.writeString(this.root.resolve("s1/README.txt"), "not an image");
		Files.writeString(this.root.resolve("ABOUT.md"), "not an identity");
		FaceImages faces = FaceImages.readFolders(this.root, MAX_PIXELS);
		assertThat(faces.identities()).containsExactly("s1", "s2", "s10");
		assertThat(faces.count()).isEqualTo(6);
		assertThat(faces.width()).isEqualTo(3);
		assertThat(faces.height()).isEqualTo(2);
		assertThat(faces.labels()).containsExactly(0, 0, 1, 1, 2, 2);
		// s2/9.pgm comes before s2/10.pgm.
		assertThat(faces.pixels(2)).containsExactly(9, 9, 9, 9, 9, 9);
		assertThat(faces.pixels(3)).containsExactly(0, 0, 0, 0, 0, 1);
		assertThat(faces.pixels(4)).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(faces.pixels(5)).containsExactly(250, 251, 252, 253, 254, 255);
		assertThat(faces.pixel(4, 2, 1)).isEqualTo(6);
		assertThat(faces.imagesOf(2)).containsExactly(4, 5);
		assertThat(faces.toImage(5).getRaster().getSample(0, 1, 0)).isEqualTo(253);
	}

	@Test
	void stretchesASmallerMaxvalTo255() throws IOException {
		writePgm("a/1.pgm", 2, 1, 15, 0, 15);
		writePgm("a/2.pgm", 2, 1, 15, 5, 10);
		writePgm("b/1.pgm", 2, 1, 255, 0, 0);
		writePgm("b/2.pgm", 2, 1, 255, 0, 0);
		FaceImages faces = FaceImages.readFolders(this.root, MAX_PIXELS);
		assertThat(faces.pixels(0)).containsExactly(0, 255);
		assertThat(faces.pixels(1)).containsExactly(85, 170);
	}

	@Test
	void readsGrayPngs() throws IOException {
		writePng("a/1.png", 10, 200);
		writePng("a/2.png", 0, 255);
		writePng("b/1.png", 128, 64);
		writePng("b/2.png", 1, 2);
		FaceImages faces = FaceImages.readFolders(this.root, MAX_PIXELS);
		assertThat(faces.pixels(0)).containsExactly(10, 200);
		assertThat(faces.pixels(3)).containsExactly(1, 2);
	}

	@Test
	void refusesImagesOfAnotherSize() throws IOException {
		writePgm("a/1.pgm", 2, 1, 255, 0, 0);
		writePgm("a/2.pgm", 2, 1, 255, 0, 0);
		writePgm("b/1.pgm", 2, 1, 255, 0, 0);
		writePgm("b/2.pgm", 1, 2, 255, 0, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, MAX_PIXELS))
			.withMessageContaining("2.pgm")
			.withMessageContaining("1x2");
	}

	@Test
	void refusesASingleIdentityOrASingleImage() throws IOException {
		writePgm("a/1.pgm", 2, 1, 255, 0, 0);
		writePgm("a/2.pgm", 2, 1, 255, 0, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, MAX_PIXELS))
			.withMessageContaining("at least 2");
		writePgm("b/1.pgm", 2, 1, 255, 0, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, MAX_PIXELS))
			.withMessageContaining("b")
			.withMessageContaining("1 images");
	}

	@Test
	void refusesMalformedAndOversizedPgms() throws IOException {
		writePgm("a/1.pgm", 2, 1, 255, 0, 0);
		writePgm("b/1.pgm", 2, 1, 255, 0, 0);
		writePgm("b/2.pgm", 2, 1, 255, 0, 0);
		Files.write(this.root.resolve("a/2.pgm"), "P5\n2 1\n255\n\1".getBytes(StandardCharsets.ISO_8859_1));
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, MAX_PIXELS))
			.withMessageContaining("2.pgm")
			.withMessageContaining("1 of the 2 pixel bytes");
		// A colour PPM (P6) is not read; plain P2 PGMs are (see PgmImagesTests).
		Files.write(this.root.resolve("a/2.pgm"), "P6\n2 1\n255\n000000".getBytes(StandardCharsets.ISO_8859_1));
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, MAX_PIXELS))
			.withMessageContaining("not a PNG, JPEG, GIF, BMP or PGM image");
		writePgm("a/2.pgm", 2, 1, 255, 0, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> FaceImages.readFolders(this.root, 1))
			.withMessageContaining("limit");
	}

	@Test
	void resizesBilinearlyWithCentredPixels() {
		FaceImages faces = new FaceImages(List.of("a"), new int[] { 0 }, 2, 1, new byte[] { 0, 100 });
		// Source positions -0.25, 0.25, 0.75, 1.25, clamped at the borders.
		assertThat(faces.resize(4, 1).pixels(0)).containsExactly(0, 25, 75, 100);
		assertThat(faces.resize(4, 2).pixels(0)).containsExactly(0, 25, 75, 100, 0, 25, 75, 100);
		assertThat(faces.resize(2, 1).pixels(0)).containsExactly(0, 100);
		assertThat(faces.resize(1, 1).pixels(0)).containsExactly(50);
	}

	@Test
	void keepsChosenIdentities() {
		FaceImages faces = TestFaces.of(2, 3, 2);
		FaceImages chosen = faces.withIdentities(new int[] { 2, 0 });
		assertThat(chosen.identities()).containsExactly("id2", "id0");
		assertThat(chosen.labels()).containsExactly(1, 1, 0, 0);
		assertThat(chosen.pixels(0)).containsExactly(0);
		assertThat(chosen.pixels(3)).containsExactly(2);
	}

	/** Writes a binary PGM whose header carries comments, as some tools write them. */
	private void writePgm(String name, int width, int height, int maxValue, int... values) throws IOException {
		Path file = this.root.resolve(name);
		Files.createDirectories(file.getParent());
		String header = "P5\n# written by FaceImagesTests\n" + width + " " + height + "\n# maxval follows\n" + maxValue
				+ "\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(header.getBytes(StandardCharsets.US_ASCII));
		for (int value : values) {
			out.write(value);
		}
		Files.write(file, out.toByteArray());
	}

	private void writePng(String name, int left, int right) throws IOException {
		Path file = this.root.resolve(name);
		Files.createDirectories(file.getParent());
		BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
		image.getRaster().setSample(0, 0, 0, left);
		image.getRaster().setSample(1, 0, 0, right);
		ImageIO.write(image, "png", file.toFile());
	}

}
