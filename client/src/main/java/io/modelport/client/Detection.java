package io.modelport.client;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/models/{model}/detect}.
 *
 * @param model the model
 * @param version the version that answered
 * @param imageWidth the image width in pixels
 * @param imageHeight the image height in pixels
 * @param detections the objects found, best first
 * @author Modelport Team
 */
public record Detection(String model, int version, int imageWidth, int imageHeight, List<DetectedObject> detections) {

	/**
	 * One object found.
	 *
	 * @param label the class
	 * @param score the confidence
	 * @param box where it is, in pixels of the image
	 * @author Modelport Team
	 */
	public record DetectedObject(String label, float score, Box box) {

	}

	/**
	 * A box: top-left corner and size, in pixels.
	 *
	 * @param x the left edge
	 * @param y the top edge
	 * @param width the width
	 * @param height the height
	 * @author Modelport Team
	 */
	public record Box(float x, float y, float width, float height) {

	}

	/**
	 * Detection options; {@code null} leaves a value to the model's settings.
	 *
	 * @param scoreThreshold the lowest score kept
	 * @param iouThreshold the overlap above which non-max suppression drops a box
	 * @param maxDetections the most objects answered
	 * @param classes only these classes
	 * @author Modelport Team
	 */
	public record Options(Float scoreThreshold, Float iouThreshold, Integer maxDetections, List<String> classes) {

		/** The model's own settings. */
		public static final Options DEFAULT = new Options(null, null, null, null);

	}

}
