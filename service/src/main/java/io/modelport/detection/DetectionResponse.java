package io.modelport.detection;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/models/{model}/detect}.
 *
 * @param model the model name
 * @param version the version that answered
 * @param imageWidth the width of the image sent
 * @param imageHeight the height of the image sent
 * @param detections the objects found, highest score first, boxes in pixels of the image
 * sent
 * @author Modelport Team
 */
public record DetectionResponse(String model, int version, int imageWidth, int imageHeight,
		List<DetectedObject> detections) {

	/**
	 * One object found.
	 *
	 * @param label the class label
	 * @param score the confidence
	 * @param box the box in pixels of the image sent
	 */
	public record DetectedObject(String label, float score, BoundingBox box) {

	}

}
