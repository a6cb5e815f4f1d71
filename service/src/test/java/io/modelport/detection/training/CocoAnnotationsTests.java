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
 * Tests for {@link CocoAnnotations}.
 *
 * @author Modelport Team
 */
class CocoAnnotationsTests {

	private static final String IMAGES = """
			[{"id": 1, "file_name": "x.png", "width": 40, "height": 30},
			 {"id": 5, "file_name": "sub/y.png", "width": 20, "height": 20}]""";

	// Category ids are not contiguous and not in order, as in COCO itself.
	private static final String CATEGORIES = """
			[{"id": 7, "name": "dog"}, {"id": 3, "name": "cat"}]""";

	@TempDir
	Path dir;

	@BeforeEach
	void images() throws IOException {
		BufferedImage gray = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setSample(4, 2, 0, 123);
		Files.createDirectories(this.dir.resolve("images/sub"));
		ImageIO.write(gray, "png", this.dir.resolve("images/x.png").toFile());
		BufferedImage rgb = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(1, 2, 0x102030);
		ImageIO.write(rgb, "png", this.dir.resolve("images/sub/y.png").toFile());
	}

	@Test
	void readsImagesCategoriesAndPixelBoxes() throws IOException {
		DetectionData data = read(IMAGES, """
				[{"id": 1, "image_id": 1, "category_id": 7, "bbox": [2.5, 3, 10, 12]},
				 {"id": 2, "image_id": 1, "category_id": 3, "bbox": [0, 0, 40, 30], "iscrowd": 1},
				 {"id": 3, "image_id": 5, "category_id": 3, "bbox": [0, 0, 20, 20], "iscrowd": 0},
				 {"id": 4, "image_id": 1, "category_id": 3, "bbox": [30, 20, 10.5, 10]}]""");
		assertThat(data.labels()).containsExactly("cat", "dog");
		assertThat(data.scenes()).hasSize(2);
		Scene x = data.scenes().get(0);
		assertThat(x.channels()).isEqualTo(1);
		assertThat(x.width()).isEqualTo(40);
		assertThat(x.pixels()[2 * 40 + 4] & 0xFF).isEqualTo(123);
		assertThat(x.objects()).containsExactly(new GroundTruth(1, new BoundingBox(2.5f, 3, 10, 12)),
				new GroundTruth(0, new BoundingBox(30, 20, 10, 10)));
		Scene y = data.scenes().get(1);
		assertThat(y.channels()).isEqualTo(3);
		int at = (2 * 20 + 1) * 3;
		assertThat(new int[] { y.pixels()[at], y.pixels()[at + 1], y.pixels()[at + 2] }).containsExactly(0x10, 0x20,
				0x30);
		assertThat(y.objects()).containsExactly(new GroundTruth(0, new BoundingBox(0, 0, 20, 20)));
	}

	@Test
	void imagesWithoutAnnotationsHaveNoObjects() throws IOException {
		Files.writeString(this.dir.resolve("coco.json"),
				"{\"images\": " + IMAGES + ", \"categories\": " + CATEGORIES + "}");
		DetectionData data = CocoAnnotations.read(this.dir.resolve("coco.json"), this.dir.resolve("images"), 10_000);
		assertThat(data.scenes()).allSatisfy((scene) -> assertThat(scene.objects()).isEmpty());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"image_id": 9, "category_id": 3, "bbox": [0, 0, 5, 5]}        | annotation 0: unknown image_id 9
			{"image_id": 1, "category_id": 4, "bbox": [0, 0, 5, 5]}        | annotation 0: unknown category_id 4
			{"image_id": 1, "category_id": 3, "bbox": [35, 0, 10, 5]}      | lies outside image 1 (x.png, 40x30)
			{"image_id": 1, "category_id": 3, "bbox": [-3, 0, 10, 5]}      | lies outside image 1
			{"image_id": 1, "category_id": 3, "bbox": [0, 0, 0, 5]}        | has no area
			{"image_id": 1, "category_id": 3, "bbox": [0, 0, 5]}           | bbox must be [x, y, width, height]
			{"image_id": 1, "category_id": 3, "bbox": [0, "a", 5, 5]}      | bbox must be [x, y, width, height]
			{"image_id": "1", "category_id": 3, "bbox": [0, 0, 5, 5]}      | 'image_id' must be a whole number
			""")
	void inconsistentAnnotationsAreErrors(String annotation, String problem) {
		assertThatIllegalArgumentException().isThrownBy(() -> read(IMAGES, "[" + annotation + "]"))
			.withMessageStartingWith("coco.json")
			.withMessageContaining(problem);
	}

	@Test
	void missingMisSizedAndEscapingImageFilesAreErrors() {
		String missing = "[{\"id\": 1, \"file_name\": \"nope.png\", \"width\": 40, \"height\": 30}]";
		assertThatIllegalArgumentException().isThrownBy(() -> read(missing, "[]"))
			.withMessageContaining("image 1 (nope.png): no such file");
		String misSized = "[{\"id\": 1, \"file_name\": \"x.png\", \"width\": 41, \"height\": 30}]";
		assertThatIllegalArgumentException().isThrownBy(() -> read(misSized, "[]"))
			.withMessageContaining("the file is 40x30 but the annotations say 41x30");
		String escaping = "[{\"id\": 1, \"file_name\": \"../coco.json\", \"width\": 40, \"height\": 30}]";
		assertThatIllegalArgumentException().isThrownBy(() -> read(escaping, "[]"))
			.withMessageContaining("leaves the image folder");
	}

	@Test
	void malformedFilesAreErrors() throws IOException {
		Files.writeString(this.dir.resolve("broken.json"), "{\"images\": [");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CocoAnnotations.read(this.dir.resolve("broken.json"), this.dir, 10_000))
			.withMessageContaining("broken.json is not valid JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> read("{}", "[]"))
			.withMessageContaining("'images' must be an array");
		Files.writeString(this.dir.resolve("twice.json"), "{\"images\": " + IMAGES
				+ ", \"categories\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}]}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CocoAnnotations.read(this.dir.resolve("twice.json"), this.dir, 10_000))
			.withMessageContaining("category id 1 appears twice");
	}

	private DetectionData read(String images, String annotations) throws IOException {
		Path file = this.dir.resolve("coco.json");
		Files.writeString(file, "{\"images\": " + images + ", \"annotations\": " + annotations + ", \"categories\": "
				+ CATEGORIES + "}");
		return CocoAnnotations.read(file, this.dir.resolve("images"), 10_000);
	}

}
