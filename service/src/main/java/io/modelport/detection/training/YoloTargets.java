package io.modelport.detection.training;

import java.util.List;

import io.modelport.detection.AnchorKMeans;
import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

/**
 * Encodes labelled objects as YOLO training targets (docs/ml-notes.md, "Detection"): each
 * object is assigned to the one cell holding its centre and, in that cell, to the anchor
 * whose shape has the highest IoU with its box. That slot's targets are objectness 1, the
 * centre relative to the cell, {@code log(size / anchor)} for height and width, and the
 * class; every other slot has objectness 0 and nothing else counts. When two objects
 * claim the same slot, the later one wins: the limitation the notes describe.
 *
 * @param objectness {@code [N, A, S, S]}: 1 for responsible slots
 * @param boxes {@code [N, A, 4, S, S]}: {@code b_x, b_y, log(b_h/a_h), log(b_w/a_w)}
 * @param classes {@code [N, A, C, S, S]}: one-hot class of responsible slots
 * @author Modelport Team
 */
public record YoloTargets(float[] objectness, float[] boxes, float[] classes) {

	/**
	 * Encodes the objects of scenes that already have the model's input size.
	 * @param scenes the scenes
	 * @param anchors the anchors {@code [w, h]} in cell units
	 * @param classCount the number of classes
	 * @param grid the grid side S
	 * @param inputSize the input side in pixels
	 * @return the targets
	 */
	public static YoloTargets encode(List<Scene> scenes, List<float[]> anchors, int classCount, int grid,
			int inputSize) {
		int a = anchors.size();
		int cells = grid * grid;
		float[] objectness = new float[scenes.size() * a * cells];
		float[] boxes = new float[scenes.size() * a * 4 * cells];
		float[] classes = new float[scenes.size() * a * classCount * cells];
		float cell = (float) inputSize / grid;
		for (int n = 0; n < scenes.size(); n++) {
			for (GroundTruth object : scenes.get(n).objects()) {
				BoundingBox box = object.box();
				float cx = (box.x() + box.width() / 2) / cell;
				float cy = (box.y() + box.height() / 2) / cell;
				int column = Math.min(grid - 1, Math.max(0, (int) cx));
				int row = Math.min(grid - 1, Math.max(0, (int) cy));
				float w = Math.max(box.width() / cell, 1e-3f);
				float h = Math.max(box.height() / cell, 1e-3f);
				int anchor = bestAnchor(anchors, w, h);
				int slot = n * a + anchor;
				int position = row * grid + column;
				objectness[slot * cells + position] = 1;
				float[] values = { cx - column, cy - row, (float) Math.log(h / anchors.get(anchor)[1]),
						(float) Math.log(w / anchors.get(anchor)[0]) };
				for (int k = 0; k < 4; k++) {
					boxes[(slot * 4 + k) * cells + position] = values[k];
				}
				for (int k = 0; k < classCount; k++) {
					classes[(slot * classCount + k) * cells + position] = (k == object.classIndex()) ? 1 : 0;
				}
			}
		}
		return new YoloTargets(objectness, boxes, classes);
	}

	static int bestAnchor(List<float[]> anchors, float width, float height) {
		int best = 0;
		float bestIou = -1;
		for (int i = 0; i < anchors.size(); i++) {
			float iou = AnchorKMeans.shapeIou(width, height, anchors.get(i)[0], anchors.get(i)[1]);
			if (iou > bestIou) {
				bestIou = iou;
				best = i;
			}
		}
		return best;
	}

}
