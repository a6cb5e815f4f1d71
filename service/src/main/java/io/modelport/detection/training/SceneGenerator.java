package io.modelport.detection.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.modelport.datasets.ImageSet;
import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

/**
 * Builds synthetic detection scenes from real items (Fashion-MNIST pictures): each scene
 * is a gray square canvas with faint noise, 1 to {@code maxObjects} items scaled to a
 * random square side and pasted fully inside it, and a few unlabelled fragments of other
 * items as clutter. The class of an object is its item's label.
 * <p>
 * Items are scaled bilinearly (on pixel centres), which keeps their strokes smooth when
 * enlarged instead of showing the blocky edges of nearest-neighbour scaling that a
 * detector could learn as a shortcut. Pasting keeps the brighter of canvas and item
 * pixel, since the items are bright on black. The box of an object is the tight box of
 * its pixels brighter than {@link #OBJECT_THRESHOLD}, not the pasted square, so the boxes
 * are as accurate as a careful human label.
 * <p>
 * Generation is deterministic for a seed: the same items, settings and seed give the same
 * scenes, and successive calls continue one sequence. Not thread-safe.
 *
 * @author Modelport Team
 */
public final class SceneGenerator {

	/** A pixel brighter than this is part of an item; boxes enclose exactly these. */
	public static final int OBJECT_THRESHOLD = 20;

	// Below the threshold, so noise never widens a box.
	private static final int NOISE_CEILING = 16;

	private static final int TRIES = 10;

	private static final int MIN_FRAGMENT = 6;

	private static final int MAX_FRAGMENT = 10;

	private final ImageSet items;

	private final SceneSettings settings;

	private final Random random;

	/**
	 * A generator with the {@linkplain SceneSettings#defaults default settings}.
	 * @param items the pictures to paste, bright on black
	 * @param size the canvas side in pixels, at least 40
	 * @param seed the random seed
	 */
	public SceneGenerator(ImageSet items, int size, long seed) {
		this(items, SceneSettings.defaults(size), seed);
	}

	/**
	 * A generator.
	 * @param items the pictures to paste, bright on black
	 * @param settings how scenes are composed
	 * @param seed the random seed
	 */
	public SceneGenerator(ImageSet items, SceneSettings settings, long seed) {
		if (items.count() == 0) {
			throw new IllegalArgumentException("no items to build scenes from");
		}
		this.items = items;
		this.settings = settings;
		this.random = new Random(seed);
	}

	/**
	 * Generates scenes.
	 * @param count how many
	 * @return the scenes, one gray channel each
	 */
	public List<Scene> generate(int count) {
		List<Scene> scenes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			scenes.add(next());
		}
		return scenes;
	}

	/**
	 * Generates the next scene.
	 * @return the scene, one gray channel
	 */
	public Scene next() {
		int size = this.settings.size();
		byte[] canvas = new byte[size * size];
		for (int i = 0; i < canvas.length; i++) {
			long value = Math.round(Math.abs(this.random.nextGaussian()) * this.settings.noiseLevel());
			canvas[i] = (byte) Math.min(NOISE_CEILING, value);
		}
		List<GroundTruth> objects = new ArrayList<>();
		int wanted = 1 + this.random.nextInt(this.settings.maxObjects());
		for (int i = 0; i < wanted; i++) {
			placeObject(canvas, objects);
		}
		int fragments = this.random.nextInt(this.settings.maxFragments() + 1);
		for (int i = 0; i < fragments; i++) {
			placeFragment(canvas, objects);
		}
		return new Scene(size, size, 1, canvas, objects);
	}

	// Tries a few positions; an object that would overlap another too much is left out
	// rather than forced in, which keeps every scene's labels unambiguous.
	private void placeObject(byte[] canvas, List<GroundTruth> objects) {
		int item = this.random.nextInt(this.items.count());
		int side = this.settings.minSide() + this.random.nextInt(this.settings.maxSide() - this.settings.minSide() + 1);
		int[] scaled = ItemPixels.scale(this.items, item, side);
		int[] tight = ItemPixels.tightBounds(scaled, side, OBJECT_THRESHOLD);
		if (tight == null) {
			return;
		}
		for (int attempt = 0; attempt < TRIES; attempt++) {
			int x = this.random.nextInt(this.settings.size() - side + 1);
			int y = this.random.nextInt(this.settings.size() - side + 1);
			BoundingBox box = new BoundingBox(x + tight[0], y + tight[1], tight[2] - tight[0], tight[3] - tight[1]);
			if (objects.stream().allMatch((other) -> iou(other.box(), box) <= this.settings.maxOverlap())) {
				ItemPixels.paste(canvas, this.settings.size(), scaled, side, side, x, y);
				objects.add(new GroundTruth(this.items.labels()[item], box));
				return;
			}
		}
	}

	// A patch cut from a random item at its own scale, kept off every object's box so
	// that
	// it is clutter to ignore and never part of an object's outline.
	private void placeFragment(byte[] canvas, List<GroundTruth> objects) {
		int item = this.random.nextInt(this.items.count());
		int largest = Math.min(MAX_FRAGMENT, Math.min(this.items.rows(), this.items.cols()));
		int smallest = Math.min(MIN_FRAGMENT, largest);
		int width = smallest + this.random.nextInt(largest - smallest + 1);
		int height = smallest + this.random.nextInt(largest - smallest + 1);
		int left = this.random.nextInt(this.items.cols() - width + 1);
		int top = this.random.nextInt(this.items.rows() - height + 1);
		int[] patch = ItemPixels.crop(this.items, item, left, top, width, height);
		for (int attempt = 0; attempt < TRIES; attempt++) {
			int x = this.random.nextInt(this.settings.size() - width + 1);
			int y = this.random.nextInt(this.settings.size() - height + 1);
			BoundingBox area = new BoundingBox(x, y, width, height);
			if (objects.stream().noneMatch((object) -> intersects(object.box(), area))) {
				ItemPixels.paste(canvas, this.settings.size(), patch, width, height, x, y);
				return;
			}
		}
	}

	private static boolean intersects(BoundingBox a, BoundingBox b) {
		return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
	}

	private static float iou(BoundingBox a, BoundingBox b) {
		float width = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
		float height = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
		float intersection = width * height;
		float union = a.area() + b.area() - intersection;
		return (union > 0) ? intersection / union : 0;
	}

}
