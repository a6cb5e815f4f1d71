package io.modelport.detection.training;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;
import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SceneGenerator}, on simple synthetic items so that they always run,
 * and on Fashion-MNIST where it is installed.
 *
 * @author Modelport Team
 */
class SceneGeneratorTests {

	private static final int SIDE = 28;

	@Test
	void theSameSeedGivesTheSameScenes() {
		List<Scene> first = new SceneGenerator(shapes(), 96, 42).generate(20);
		List<Scene> second = new SceneGenerator(shapes(), 96, 42).generate(20);
		List<Scene> other = new SceneGenerator(shapes(), 96, 43).generate(20);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i).pixels()).isEqualTo(first.get(i).pixels());
			assertThat(second.get(i).objects()).isEqualTo(first.get(i).objects());
		}
		assertThat(other.get(0).pixels()).isNotEqualTo(first.get(0).pixels());
	}

	@Test
	void objectsAreInsideTheCanvasInNumberAndOverlapLimits() {
		Set<Integer> counts = new HashSet<>();
		for (Scene scene : new SceneGenerator(shapes(), 96, 7).generate(300)) {
			assertThat(scene.width()).isEqualTo(96);
			assertThat(scene.channels()).isEqualTo(1);
			assertThat(scene.objects()).hasSizeBetween(1, 3);
			counts.add(scene.objects().size());
			assertValidObjects(scene, 0.3f, 10);
		}
		assertThat(counts).containsExactlyInAnyOrder(1, 2, 3);
	}

	@Test
	void boxesAreTightAroundTheBrightPixelsOfTheirObjects() {
		SceneSettings settings = new SceneSettings(80, 4, 20, 40, 0.3, 0, 6);
		for (Scene scene : new SceneGenerator(shapes(), settings, 3).generate(100)) {
			int w = scene.width();
			for (int y = 0; y < scene.height(); y++) {
				for (int x = 0; x < w; x++) {
					int value = scene.pixels()[y * w + x] & 0xFF;
					if (value > SceneGenerator.OBJECT_THRESHOLD) {
						assertThat(inAnyBox(scene, x, y)).as("bright pixel %d,%d is in a box", x, y).isTrue();
					}
				}
			}
			for (GroundTruth object : scene.objects()) {
				BoundingBox box = object.box();
				int left = (int) box.x();
				int top = (int) box.y();
				int right = (int) box.right() - 1;
				int bottom = (int) box.bottom() - 1;
				assertThat(bright(scene, left, top, right, top)).as("top edge").isTrue();
				assertThat(bright(scene, left, bottom, right, bottom)).as("bottom edge").isTrue();
				assertThat(bright(scene, left, top, left, bottom)).as("left edge").isTrue();
				assertThat(bright(scene, right, top, right, bottom)).as("right edge").isTrue();
			}
		}
	}

	@Test
	void fullItemsAreScaledWithinTheSideRange() {
		ImageSet squares = new ImageSet(1, SIDE, SIDE, filled(new byte[SIDE * SIDE], 0, 0, SIDE, SIDE),
				new int[] { 4 });
		SceneSettings settings = new SceneSettings(96, 1, 20, 40, 0.3, 0, 0);
		Set<Float> widths = new HashSet<>();
		for (Scene scene : new SceneGenerator(squares, settings, 11).generate(200)) {
			BoundingBox box = scene.objects().get(0).box();
			assertThat(box.width()).isEqualTo(box.height()).isBetween(20f, 40f);
			assertThat(scene.objects().get(0).classIndex()).isEqualTo(4);
			widths.add(box.width());
		}
		assertThat(widths).contains(20f, 40f);
	}

	@Test
	void clutterAndNoiseStayOutsideTheLabels() {
		boolean fragmentSeen = false;
		boolean noiseSeen = false;
		for (Scene scene : new SceneGenerator(shapes(), 96, 5).generate(50)) {
			for (int y = 0; y < 96; y++) {
				for (int x = 0; x < 96; x++) {
					int value = scene.pixels()[y * 96 + x] & 0xFF;
					if (!inAnyBox(scene, x, y)) {
						fragmentSeen |= value > SceneGenerator.OBJECT_THRESHOLD;
						noiseSeen |= value > 0 && value <= SceneGenerator.OBJECT_THRESHOLD;
					}
				}
			}
		}
		assertThat(fragmentSeen).as("unlabelled fragments").isTrue();
		assertThat(noiseSeen).as("background noise").isTrue();
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> SceneSettings.defaults(32))
			.withMessageContaining("sides");
		assertThatIllegalArgumentException().isThrownBy(() -> new SceneSettings(96, 0, 20, 40, 0.3, 0, 0))
			.withMessageContaining("maxObjects");
		assertThatIllegalArgumentException().isThrownBy(() -> new SceneSettings(96, 3, 20, 40, 1.5, 0, 0))
			.withMessageContaining("maxOverlap");
	}

	@Test
	void buildsValidScenesFromFashionMnist() throws IOException {
		boolean required = Boolean.getBoolean("modelport.datasets.required");
		Assumptions.assumeTrue(required || Files.isDirectory(FashionMnist.DEBIAN_LOCATION),
				"Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipping the real-item scenes");
		ImageSet items = FashionMnist.train(FashionMnist.DEBIAN_LOCATION, 1000);
		for (Scene scene : new SceneGenerator(items, SceneSettings.DEFAULT_SIZE, 9).generate(100)) {
			assertThat(scene.objects()).hasSizeBetween(1, 3);
			assertValidObjects(scene, 0.3f, FashionMnist.LABELS.size());
		}
	}

	private static void assertValidObjects(Scene scene, float maxOverlap, int classes) {
		List<BoundingBox> boxes = new ArrayList<>();
		for (GroundTruth object : scene.objects()) {
			BoundingBox box = object.box();
			assertThat(object.classIndex()).isBetween(0, classes - 1);
			assertThat(box.x()).isGreaterThanOrEqualTo(0);
			assertThat(box.y()).isGreaterThanOrEqualTo(0);
			assertThat(box.right()).isLessThanOrEqualTo(scene.width());
			assertThat(box.bottom()).isLessThanOrEqualTo(scene.height());
			assertThat(box.area()).isPositive();
			for (BoundingBox other : boxes) {
				assertThat(iou(box, other)).isLessThanOrEqualTo(maxOverlap);
			}
			boxes.add(box);
		}
	}

	private static boolean inAnyBox(Scene scene, int x, int y) {
		return scene.objects()
			.stream()
			.map(GroundTruth::box)
			.anyMatch((box) -> x >= box.x() && x < box.right() && y >= box.y() && y < box.bottom());
	}

	private static boolean bright(Scene scene, int left, int top, int right, int bottom) {
		for (int y = top; y <= bottom; y++) {
			for (int x = left; x <= right; x++) {
				if ((scene.pixels()[y * scene.width() + x] & 0xFF) > SceneGenerator.OBJECT_THRESHOLD) {
					return true;
				}
			}
		}
		return false;
	}

	private static float iou(BoundingBox a, BoundingBox b) {
		float w = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
		float h = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
		return w * h / (a.area() + b.area() - w * h);
	}

	// Ten items: bright rectangles of different shapes, off-centre, on a faint halo that
	// stays below the object threshold (as the dim edges of real items do).
	private static ImageSet shapes() {
		int count = 10;
		byte[] pixels = new byte[count * SIDE * SIDE];
		int[] labels = new int[count];
		for (int i = 0; i < count; i++) {
			byte[] item = new byte[SIDE * SIDE];
			Arrays.fill(item, (byte) 10);
			filled(item, 2 + i % 4, 3 + i % 3, 10 + i, 22 - i);
			System.arraycopy(item, 0, pixels, i * item.length, item.length);
			labels[i] = i;
		}
		return new ImageSet(count, SIDE, SIDE, pixels, labels);
	}

	private static byte[] filled(byte[] item, int left, int top, int width, int height) {
		for (int y = top; y < top + height; y++) {
			for (int x = left; x < left + width; x++) {
				item[y * SIDE + x] = (byte) 220;
			}
		}
		return item;
	}

}
