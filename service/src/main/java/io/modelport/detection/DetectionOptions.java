package io.modelport.detection;

import java.util.List;

import io.modelport.core.InvalidRequestException;

/**
 * A request's overrides of the model's detection defaults, validated.
 *
 * @param scoreThreshold the score threshold, {@code null} for the model's
 * @param iouThreshold the IoU threshold, {@code null} for the model's
 * @param maxDetections the most detections, {@code null} for the model's
 * @param classes the labels to keep, {@code null} or empty for all
 * @author Modelport Team
 */
public record DetectionOptions(Float scoreThreshold, Float iouThreshold, Integer maxDetections, List<String> classes) {

	/** The most detections a request may ask for. */
	static final int MAX_DETECTIONS = 10_000;

	public DetectionOptions {
		checkUnit("scoreThreshold", scoreThreshold);
		checkUnit("iouThreshold", iouThreshold);
		if (maxDetections != null && (maxDetections < 0 || maxDetections > MAX_DETECTIONS)) {
			throw new InvalidRequestException(
					"maxDetections must be between 0 and " + MAX_DETECTIONS + ", was " + maxDetections);
		}
		classes = (classes != null) ? List.copyOf(classes) : List.of();
	}

	private static void checkUnit(String name, Float value) {
		if (value != null && !(value >= 0 && value <= 1)) {
			throw new InvalidRequestException(name + " must be between 0 and 1, was " + value);
		}
	}

}
