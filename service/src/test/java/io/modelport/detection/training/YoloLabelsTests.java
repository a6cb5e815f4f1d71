package io.modelport.detection.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link YoloLabels}.
 *
 * @author Modelport Team
 */
class YoloLabelsTests {

	@TempDir
	Path dir;

	@BeforeEach
	void folders() throws IOException {
		Files.createDirectories(this.dir.resolve("images"));
		Files.createDirectories(this.dir.resolve("labels"));
	}

	@Test
	void readsImagesAndPixelBoxes() throws IOException {
		writeGray("a.png", 64, 32);
		writeRgb("b.png", 10, 20);
		writeGray("c.png", 8, 8);
		label("a", "0 0.5 0.25 0.25 0.5\n\n  1 0.125 0.75 0.25 0.5  \n");
		label("b", "2 0.5 0.5 1 1\n");
		Files.writeString(this.dir.resolve("classes.txt"), "shirt\nshoe\nbag\n\n");
		DetectionData data = YoloLabels.read(this.dir, 10_000);
		assertThat(data.labels()).containsExactly("shirt", "shoe", "bag");
		assertThat(data.scenes()).hasSize(3);
		Scene a = data.scenes().get(0);
		assertThat(a.width()).isEqualTo(64);
		assertThat(a.height()).isEqualTo(32);
		assertThat(a.channels()).isEqualTo(1);
		assertThat(a.pixels()[5 * 64 + 7] & 0xFF).isEqualTo((7 * 3 + 5) % 256);
		assertThat(a.objects()).containsExactly(new GroundTruth(0, new BoundingBox(24, 0, 16, 16)),
				new GroundTruth(1, new BoundingBox(0, 16, 16, 16)));
		Scene b = data.scenes().get(1);
		assertThat(b.channels()).isEqualTo(3);
		int at = (4 * 10 + 3) * 3;
		assertThat(new int[] { b.pixels()[at] & 0xFF, b.pixels()[at + 1] & 0xFF, b.pixels()[at + 2] & 0xFF })
			.containsExactly(30, 40, 200);
		assertThat(b.objects()).containsExactly(new GroundTruth(2, new BoundingBox(0, 0, 10, 20)));
		assertThat(data.scenes().get(2).objects()).isEmpty();
	}

	@Test
	void withoutClassNamesTheLabelsAreTheClassNumbers() throws IOException {
		writeGray("a.png", 10, 10);
		label("a", "2 0.5 0.5 0.2 0.2\n");
		assertThat(YoloLabels.read(this.dir, 10_000).labels()).containsExactly("0", "1", "2");
	}

	@Test
	void classNamesMayLiveInTheLabelsFolder() throws IOException {
		writeGray("a.png", 10, 10);
		label("classes", "cat\ndog\n");
		assertThat(YoloLabels.read(this.dir, 10_000).labels()).containsExactly("cat", "dog");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			0 0.5 0.5 0.2             | expected 5 fields
			0 0.5 0.5 0.2 0.2 0.1     | expected 5 fields
			x 0.5 0.5 0.2 0.2         | class 'x' is not a whole number
			0.5 0.5 0.5 0.2 0.2       | class '0.5' is not a whole number
			0 0.5 abc 0.2 0.2         | 'abc' is not a number
			3 0.5 0.5 0.2 0.2         | class 3 is out of range (3 classes
			-1 0.5 0.5 0.2 0.2        | class -1 is out of range
			0 1.5 0.5 0.2 0.2         | 1.5 is outside [0, 1]
			0 0.5 -0.1 0.2 0.2        | -0.1 is outside [0, 1]
			0 0.5 0.5 NaN 0.2         | NaN is outside [0, 1]
			0 0.5 0.5 0 0.2           | the box size must be positive
			0 0.1 0.5 0.5 0.2         | the box extends outside the image
			""")
	void malformedLinesNameTheFileAndLine(String line, String problem) throws IOException {
		writeGray("a.png", 40, 40);
		Files.writeString(this.dir.resolve("classes.txt"), "a\nb\nc\n");
		label("a", "1 0.5 0.5 0.5 0.5\n" + line + "\n");
		assertThatIllegalArgumentException().isThrownBy(() -> YoloLabels.read(this.dir, 10_000))
			.withMessageStartingWith("labels/a.txt line 2: ")
			.withMessageContaining(problem);
	}

	@Test
	void aLabelFileWithoutItsImageIsAnError() throws IOException {
		writeGray("a.png", 10, 10);
		label("ghost", "0 0.5 0.5 0.2 0.2\n");
		assertThatIllegalArgumentException().isThrownBy(() -> YoloLabels.read(this.dir, 10_000))
			.withMessageContaining("labels/ghost.txt has no image");
	}

	@Test
	void tooLargeImagesAreRefused() throws IOException {
		writeGray("big.png", 200, 100);
		assertThatIllegalArgumentException().isThrownBy(() -> YoloLabels.read(this.dir, 10_000))
			.withMessageContaining("big.png")
			.withMessageContaining("more than the limit of 10000");
	}

	@Test
	void malformedClassNamesAndMissingFoldersAreErrors() throws IOException {
		writeGray("a.png", 10, 10);
		Files.writeString(this.dir.resolve("classes.txt"), "cat\n\ndog\n");
		assertThatIllegalArgumentException().isThrownBy(() -> YoloLabels.read(this.dir, 10_000))
			.withMessageContaining("classes.txt line 2");
		Files.delete(this.dir.resolve("classes.txt"));
		Files.delete(this.dir.resolve("labels"));
		assertThatIllegalArgumentException().isThrownBy(() -> YoloLabels.read(this.dir, 10_000))
			.withMessageContaining("no labels/ folder");
	}

	private void label(String base, String text) throws IOException {
		Files.writeString(this.dir.resolve("labels").resolve(base + ".txt"), text);
	}

	private void writeGray(String name, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.getRaster().setSample(x, y, 0, (x * 3 + y) % 256);
			}
		}
		ImageIO.write(image, "png", this.dir.resolve("images").resolve(name).toFile());
	}

	private void writeRgb(String name, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, ((x * 10) << 16) | ((y * 10) << 8) | 200);
			}
		}
		ImageIO.write(image, "png", this.dir.resolve("images").resolve(name).toFile());
	}

}
