package io.modelport.detection.training;

/**
 * How {@link SceneGenerator} composes its scenes.
 *
 * @param size the side of the square canvas, in pixels
 * @param maxObjects each scene holds 1 to this many labelled objects
 * @param minSide the smallest side an item is scaled to, in pixels
 * @param maxSide the largest side an item is scaled to, in pixels
 * @param maxOverlap the largest IoU allowed between the boxes of two objects of a scene
 * @param maxFragments each scene gets 0 to this many unlabelled fragments of other items
 * @param noiseLevel the standard deviation of the background noise, in 0-255 units
 * @author Modelport Team
 */
public record SceneSettings(int size, int maxObjects, int minSide, int maxSide, double maxOverlap, int maxFragments,
		double noiseLevel) {

	/** The canvas side the detector is trained on unless told otherwise. */
	public static final int DEFAULT_SIZE = 96;

	public SceneSettings {
		if (maxObjects < 1) {
			throw new IllegalArgumentException(
					"a scene needs room for at least one object, maxObjects was " + maxObjects);
		}
		if (minSide < 1 || minSide > maxSide || maxSide > size) {
			throw new IllegalArgumentException("item sides must satisfy 1 <= min <= max <= canvas size, were " + minSide
					+ ", " + maxSide + ", " + size);
		}
		if (!(maxOverlap >= 0 && maxOverlap <= 1)) {
			throw new IllegalArgumentException("maxOverlap must be an IoU in [0, 1], was " + maxOverlap);
		}
		if (maxFragments < 0 || !(noiseLevel >= 0)) {
			throw new IllegalArgumentException("fragments and noise cannot be negative");
		}
	}

	/**
	 * The usual settings: up to 3 objects of 20 to 40 pixels, IoU at most 0.3, up to 4
	 * fragments and faint noise.
	 * @param size the canvas side, at least 40
	 * @return the settings
	 */
	public static SceneSettings defaults(int size) {
		return new SceneSettings(size, 3, 20, 40, 0.3, 4, 6);
	}

}
