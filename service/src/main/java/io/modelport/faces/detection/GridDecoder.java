package io.modelport.faces.detection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import io.modelport.nn.TinyFaceDetectorNet;

/**
 * Turns the detector's grid into boxes as face-api does: for each cell and anchor the
 * objectness and centre offsets go through a sigmoid, width and height scale the anchor
 * exponentially; boxes above the score threshold then go through greedy non-maximum
 * suppression (highest score first, dropping boxes overlapping a kept one by more than
 * {@link #IOU_THRESHOLD}).
 *
 * @author Modelport Team
 */
final class GridDecoder {

	/** face-api's suppression threshold for this detector. */
	static final double IOU_THRESHOLD = 0.4;

	private GridDecoder() {
	}

	/**
	 * Decodes a grid.
	 * @param grid the network output, channels (anchor-major, five per anchor) × cells ×
	 * cells
	 * @param cells the grid side
	 * @param fillX the fraction of the input's width the photo fills (the rest is
	 * padding)
	 * @param fillY the fraction of its height
	 * @param width the photo width, to scale boxes to pixels
	 * @param height the photo height
	 * @param scoreThreshold the smallest score kept (exclusive)
	 * @return the faces, highest score first
	 */
	static List<FaceBox> decode(float[] grid, int cells, double fillX, double fillY, int width, int height,
			double scoreThreshold) {
		List<FaceBox> boxes = new ArrayList<>();
		int plane = cells * cells;
		int anchors = TinyFaceDetectorNet.ANCHORS.length;
		for (int row = 0; row < cells; row++) {
			for (int col = 0; col < cells; col++) {
				for (int a = 0; a < anchors; a++) {
					int base = a * TinyFaceDetectorNet.ENCODING * plane + row * cells + col;
					double score = sigmoid(grid[base + 4 * plane]);
					if (score <= scoreThreshold) {
						continue;
					}
					double cx = (col + sigmoid(grid[base])) / cells / fillX;
					double cy = (row + sigmoid(grid[base + plane])) / cells / fillY;
					double w = Math.exp(grid[base + 2 * plane]) * TinyFaceDetectorNet.ANCHORS[a][0] / cells / fillX;
					double h = Math.exp(grid[base + 3 * plane]) * TinyFaceDetectorNet.ANCHORS[a][1] / cells / fillY;
					boxes.add(new FaceBox((cx - w / 2) * width, (cy - h / 2) * height, w * width, h * height, score));
				}
			}
		}
		return suppress(boxes);
	}

	/**
	 * Greedy non-maximum suppression.
	 * @param boxes the candidates
	 * @return the kept boxes, highest score first
	 */
	static List<FaceBox> suppress(List<FaceBox> boxes) {
		List<FaceBox> left = new ArrayList<>(boxes);
		// face-api sorts ascending (stably) and takes from the end: among equal scores
		// the
		// later box wins, which a stable descending sort of the reversed list reproduces
		Collections.reverse(left);
		left.sort(Comparator.comparingDouble(FaceBox::score).reversed());
		List<FaceBox> kept = new ArrayList<>();
		while (!left.isEmpty()) {
			FaceBox best = left.remove(0);
			kept.add(best);
			// face-api measures the overlap on boxes relative to the photo, a scaling per
			// axis that leaves the IoU as it is in pixels
			left.removeIf((box) -> best.iou(box) > IOU_THRESHOLD);
		}
		return kept;
	}

	private static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

}
