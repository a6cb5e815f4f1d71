package io.modelport.detection;

import java.util.List;

/**
 * The JSON form of a detect request; query parameters fill the fields left out.
 *
 * @param image the image bytes in base64, optionally as a {@code data:} URL
 * @param scoreThreshold keep detections scoring at least this, in [0, 1]
 * @param iouThreshold NMS suppresses boxes overlapping a kept one at least this, in [0,
 * 1]
 * @param maxDetections the most detections returned
 * @param classes only these labels, {@code null} for all
 * @param version the model version, {@code null} for the default
 * @author Modelport Team
 */
public record DetectRequest(String image, Float scoreThreshold, Float iouThreshold, Integer maxDetections,
		List<String> classes, Integer version) {

}
