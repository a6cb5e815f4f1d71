package io.modelport.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to turn a detector's raw output into boxes, read from the descriptor's task
 * parameters. Request parameters override the three thresholds per call.
 *
 * @param layout the output layout
 * @param anchors anchor sizes {@code [w, h]} in cell units (grid layout only)
 * @param boxUnits {@code cell} (the default, docs/ml-notes.md, "Detection") or
 * {@code image}: what grid sizes are relative to when there are no anchors
 * @param activations whether the grid values are raw (σ on p_c, b_x, b_y; exp on sizes;
 * softmax on classes) rather than already activated
 * @param scoreThreshold keep detections scoring at least this
 * @param iouThreshold suppress a box whose IoU with a kept box is at least this
 * @param maxDetections the most detections returned
 * @param classAgnostic whether NMS compares boxes across classes
 * @param objectnessTimesClass whether a detection scores p_c times its class probability
 * (otherwise p_c alone)
 * @param letterboxPad the gray level (0-255) that pads the letterboxed input
 * @author Modelport Team
 */
public record DecoderSettings(OutputLayout layout, List<float[]> anchors, String boxUnits, boolean activations,
		float scoreThreshold, float iouThreshold, int maxDetections, boolean classAgnostic,
		boolean objectnessTimesClass, int letterboxPad) {

	public DecoderSettings {
		anchors = List.copyOf(anchors);
	}

	/**
	 * Reads the settings from a descriptor's parameters.
	 * @param parameters the task parameters
	 * @return the settings
	 * @throws IllegalArgumentException when a value is invalid
	 */
	public static DecoderSettings fromParameters(Map<String, Object> parameters) {
		OutputLayout layout = OutputLayout.fromId(String.valueOf(parameters.getOrDefault("outputLayout", "grid")));
		String units = String.valueOf(parameters.getOrDefault("boxUnits", "cell"));
		if (!units.equals("cell") && !units.equals("image")) {
			throw new IllegalArgumentException("boxUnits must be 'cell' or 'image', was '" + units + "'");
		}
		return new DecoderSettings(layout, anchors(parameters.get("anchors")), units,
				bool(parameters, "activations", true), number(parameters, "scoreThreshold", 0.5f),
				number(parameters, "iouThreshold", 0.5f), (int) number(parameters, "maxDetections", 100),
				bool(parameters, "classAgnostic", false), bool(parameters, "objectnessTimesClass", true),
				(int) number(parameters, "letterboxPad", 0));
	}

	/**
	 * The same settings with a request's overrides.
	 * @param score the score threshold, {@code null} to keep
	 * @param iou the IoU threshold, {@code null} to keep
	 * @param max the most detections, {@code null} to keep
	 * @return the settings for one request
	 */
	public DecoderSettings withOverrides(Float score, Float iou, Integer max) {
		return new DecoderSettings(this.layout, this.anchors, this.boxUnits, this.activations,
				(score != null) ? score : this.scoreThreshold, (iou != null) ? iou : this.iouThreshold,
				(max != null) ? max : this.maxDetections, this.classAgnostic, this.objectnessTimesClass,
				this.letterboxPad);
	}

	private static List<float[]> anchors(Object value) {
		List<float[]> anchors = new ArrayList<>();
		if (value == null) {
			return anchors;
		}
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("anchors must be a list of [width, height] pairs");
		}
		for (Object item : list) {
			if (!(item instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number w)
					|| !(pair.get(1) instanceof Number h) || !(w.floatValue() > 0) || !(h.floatValue() > 0)) {
				throw new IllegalArgumentException("each anchor must be a [width, height] pair of positive numbers");
			}
			anchors.add(new float[] { w.floatValue(), h.floatValue() });
		}
		return anchors;
	}

	private static float number(Map<String, Object> parameters, String key, float fallback) {
		Object value = parameters.get(key);
		if (value == null) {
			return fallback;
		}
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException(key + " must be a number");
		}
		return number.floatValue();
	}

	private static boolean bool(Map<String, Object> parameters, String key, boolean fallback) {
		Object value = parameters.get(key);
		return (value instanceof Boolean bool) ? bool : fallback;
	}

}
