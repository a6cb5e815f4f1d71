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
 * @param outOfDomain what the detector can say when it found nothing
 * @author Modelport Team
 */
public record DetectionResponse(String model, int version, int imageWidth, int imageHeight,
		List<DetectedObject> detections, Signals outOfDomain) {

	/**
	 * One object found.
	 *
	 * @param label the class label
	 * @param score the confidence
	 * @param box the box in pixels of the image sent
	 */
	public record DetectedObject(String label, float score, BoundingBox box) {

	}

	/**
	 * What a detector can say about an input it may not know (docs/out-of-domain.md): a
	 * detector has no "none of the above" class, so an empty answer is the signal, and
	 * the best candidate under the threshold says whether lowering it would help.
	 *
	 * @param scoreThreshold the score threshold that applied
	 * @param nothingAboveThreshold whether no object reached the threshold
	 * @param bestBelowThreshold when nothing was found: the highest-scoring candidate
	 * above {@link DetectionService#PROBE_THRESHOLD}, {@code null} when there was none
	 */
	public record Signals(float scoreThreshold, boolean nothingAboveThreshold, DetectedObject bestBelowThreshold) {

	}

}
