package io.modelport.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a detector's raw output into candidate detections in pixels of the model input
 * (before non-max suppression), keeping those that reach the score threshold. For the
 * grid layout it follows docs/ml-notes.md, "Detection": cell (row r, column c) of an S×S
 * grid over an input of W×H gives centre {@code ((c + b_x)·W/S, (r + b_y)·H/S)}; sizes
 * are anchor multiples {@code anchor·e^t} in cell units, or plain cell or image units
 * without anchors.
 *
 * @author Modelport Team
 */
public final class OutputDecoder {

	private OutputDecoder() {
	}

	/**
	 * Decodes one image's output.
	 * @param output the raw output
	 * @param settings the decoder settings
	 * @param classes the number of classes
	 * @param inputWidth the model input width
	 * @param inputHeight the model input height
	 * @return the candidates scoring at least the threshold
	 * @throws IllegalArgumentException when the output shape does not fit the layout
	 */
	public static List<Detection> decode(RawOutput output, DecoderSettings settings, int classes, int inputWidth,
			int inputHeight) {
		return switch (settings.layout()) {
			case GRID -> grid(output, settings, classes, inputWidth, inputHeight);
			case FLAT -> flat(output, settings, classes, false);
			case FLAT_OBJECTNESS -> flat(output, settings, classes, true);
		};
	}

	private static List<Detection> grid(RawOutput output, DecoderSettings settings, int classes, int width,
			int height) {
		int anchors = Math.max(1, settings.anchors().size());
		int stride = 5 + classes;
		long[] shape = output.shape();
		boolean channelsFirst;
		int rows;
		int columns;
		if (shape.length == 3 && shape[0] == (long) anchors * stride) {
			channelsFirst = true;
			rows = (int) shape[1];
			columns = (int) shape[2];
		}
		else if ((shape.length == 3 && shape[2] == (long) anchors * stride)
				|| (shape.length == 4 && shape[2] == anchors && shape[3] == stride)) {
			channelsFirst = false;
			rows = (int) shape[0];
			columns = (int) shape[1];
		}
		else {
			throw new IllegalArgumentException(
					"a grid output for " + anchors + " anchors and " + classes + " classes must be [" + anchors * stride
							+ ", S, S] or [S, S, " + anchors + ", " + stride + "], was " + Arrays.toString(shape));
		}
		float[] v = output.values();
		float cellWidth = (float) width / columns;
		float cellHeight = (float) height / rows;
		boolean imageUnits = settings.anchors().isEmpty() && settings.boxUnits().equals("image");
		float[] values = new float[stride];
		List<Detection> detections = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				for (int a = 0; a < anchors; a++) {
					for (int k = 0; k < stride; k++) {
						values[k] = v[channelsFirst ? ((a * stride + k) * rows + r) * columns + c
								: ((r * columns + c) * anchors + a) * stride + k];
					}
					float objectness = settings.activations() ? sigmoid(values[0]) : values[0];
					if (objectness < settings.scoreThreshold()) {
						continue;
					}
					int best = argmax(values, 5, classes);
					float probability = bestClassProbability(values, classes, settings.activations());
					float score = settings.objectnessTimesClass() ? objectness * probability : objectness;
					if (score < settings.scoreThreshold()) {
						continue;
					}
					float bx = settings.activations() ? sigmoid(values[1]) : values[1];
					float by = settings.activations() ? sigmoid(values[2]) : values[2];
					float bh = size(values[3], settings, a, 1);
					float bw = size(values[4], settings, a, 0);
					float w = imageUnits ? bw * width : bw * cellWidth;
					float h = imageUnits ? bh * height : bh * cellHeight;
					detections.add(new Detection(best, score,
							BoundingBox.fromCenter((c + bx) * cellWidth, (r + by) * cellHeight, w, h)));
				}
			}
		}
		return detections;
	}

	private static float size(float t, DecoderSettings settings, int anchor, int dimension) {
		if (!settings.activations()) {
			return Math.max(0, t);
		}
		// exp overflows to infinity for large logits; a box cannot exceed a few images.
		float scale = (float) Math.exp(Math.min(t, 10));
		return settings.anchors().isEmpty() ? scale : settings.anchors().get(anchor)[dimension] * scale;
	}

	private static List<Detection> flat(RawOutput output, DecoderSettings settings, int classes, boolean objectness) {
		int width = 4 + (objectness ? 1 : 0) + classes;
		long[] shape = output.shape();
		if (shape.length != 2 || (shape[1] != width && shape[0] != width)) {
			throw new IllegalArgumentException("a " + settings.layout().id() + " output for " + classes
					+ " classes must be [N, " + width + "] or [" + width + ", N], was " + Arrays.toString(shape));
		}
		boolean transposed = shape[1] != width;
		int candidates = (int) (transposed ? shape[1] : shape[0]);
		int first = objectness ? 5 : 4;
		float[] v = output.values();
		// Element (candidate n, field k): row-major [N, width], or [width, N] transposed.
		// The best class is found field by field, so a transposed tensor is read in
		// order.
		int nStride = transposed ? 1 : width;
		int kStride = transposed ? candidates : 1;
		float[] best = new float[candidates];
		int[] bestClass = new int[candidates];
		for (int n = 0; n < candidates; n++) {
			best[n] = v[n * nStride + first * kStride];
		}
		for (int k = 1; k < classes; k++) {
			int offset = (first + k) * kStride;
			for (int n = 0; n < candidates; n++) {
				float value = v[n * nStride + offset];
				if (value > best[n]) {
					best[n] = value;
					bestClass[n] = k;
				}
			}
		}
		List<Detection> detections = new ArrayList<>();
		for (int n = 0; n < candidates; n++) {
			int at = n * nStride;
			float score = best[n];
			if (objectness) {
				float present = v[at + 4 * kStride];
				score = settings.objectnessTimesClass() ? present * score : present;
			}
			if (score >= settings.scoreThreshold()) {
				detections.add(new Detection(bestClass[n], score, BoundingBox.fromCenter(v[at], v[at + kStride],
						Math.max(0, v[at + 2 * kStride]), Math.max(0, v[at + 3 * kStride]))));
			}
		}
		return detections;
	}

	// The probability of the most likely class: softmax of the largest logit is
	// 1 / Σ exp(logit - largest).
	private static float bestClassProbability(float[] values, int classes, boolean softmax) {
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < classes; i++) {
			max = Math.max(max, values[5 + i]);
		}
		if (!softmax) {
			return max;
		}
		double sum = 0;
		for (int i = 0; i < classes; i++) {
			sum += Math.exp(values[5 + i] - max);
		}
		return (float) (1 / sum);
	}

	private static int argmax(float[] values, int from, int count) {
		int best = 0;
		for (int i = 1; i < count; i++) {
			if (values[from + i] > values[from + best]) {
				best = i;
			}
		}
		return best;
	}

	private static float sigmoid(float x) {
		return (float) (1 / (1 + Math.exp(-x)));
	}

}
