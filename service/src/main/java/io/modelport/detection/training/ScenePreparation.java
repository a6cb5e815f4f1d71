package io.modelport.detection.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.modelport.detection.GroundTruth;
import io.modelport.detection.Letterbox;
import io.modelport.detection.Scene;
import io.modelport.store.InputSpec;

/**
 * Prepares uploaded detection images for training: each is letterboxed to the square gray
 * input exactly as serving will letterbox it, with its boxes mapped along, and the set is
 * split into training, dev and test images with a seed.
 *
 * @author Modelport Team
 */
final class ScenePreparation {

	private ScenePreparation() {
	}

	/**
	 * Letterboxes a scene into a {@code size × size} gray scene.
	 * @param scene the scene at its own size
	 * @param size the input side
	 * @return the fitted scene
	 */
	static Scene fit(Scene scene, int size) {
		Letterbox letterbox = Letterbox.of(scene.width(), scene.height(), size, size);
		// Scale 1 keeps raw 0-255 values, so the tensor converts back to bytes.
		float[] raw = letterbox.tensor(SceneImages.toImage(scene), new InputSpec(size, size, 1, 1f, null, null), 0);
		byte[] pixels = new byte[raw.length];
		for (int i = 0; i < raw.length; i++) {
			pixels[i] = (byte) Math.round(Math.max(0, Math.min(255, raw[i])));
		}
		List<GroundTruth> objects = scene.objects()
			.stream()
			.map((o) -> new GroundTruth(o.classIndex(), letterbox.toInput(o.box())))
			.toList();
		return new Scene(size, size, 1, pixels, objects);
	}

	/**
	 * Shuffles with a seed and splits off the test and dev fractions.
	 * @param scenes the scenes
	 * @param devFraction the dev share
	 * @param testFraction the test share
	 * @param seed the seed
	 * @return training, dev and test scenes, each at least one
	 */
	static List<List<Scene>> split(List<Scene> scenes, double devFraction, double testFraction, long seed) {
		if (scenes.size() < 3) {
			throw new IllegalArgumentException("a detection data set needs at least 3 images, has " + scenes.size());
		}
		List<Scene> shuffled = new ArrayList<>(scenes);
		Collections.shuffle(shuffled, new Random(seed));
		int test = Math.max(1, (int) Math.round(shuffled.size() * testFraction));
		int dev = Math.max(1, (int) Math.round(shuffled.size() * devFraction));
		if (test + dev >= shuffled.size()) {
			throw new IllegalArgumentException("the dev and test fractions leave no training images");
		}
		return List.of(shuffled.subList(test + dev, shuffled.size()), shuffled.subList(test, test + dev),
				shuffled.subList(0, test));
	}

}
