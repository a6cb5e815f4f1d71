package io.modelport.faces;

import java.util.ArrayList;
import java.util.List;

import io.modelport.faces.detection.FaceBox;

/**
 * Where a face is in a photo, as answers show it.
 *
 * @param index its place among the photo's faces, left to right from 0
 * @param box its box in photo pixels
 * @param score the detector's confidence (1 for a model without a detector, whose face is
 * the whole photo)
 * @param landmarks the 68 landmarks as [x, y] in photo pixels, empty for a model that
 * does not align
 * @author Modelport Team
 */
public record FaceView(int index, Box box, double score, List<double[]> landmarks) {

	/**
	 * The view of a face.
	 * @param face the face
	 * @return its view, coordinates rounded to a tenth of a pixel
	 */
	public static FaceView of(PhotoFace face) {
		FaceBox b = face.box();
		List<double[]> points = new ArrayList<>();
		if (face.landmarks() != null) {
			for (int i = 0; i < face.landmarks().length; i += 2) {
				points.add(new double[] { round(face.landmarks()[i]), round(face.landmarks()[i + 1]) });
			}
		}
		return new FaceView(face.index(), new Box(round(b.x()), round(b.y()), round(b.width()), round(b.height())),
				Math.round(b.score() * 1e4) / 1e4, points);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * A box.
	 *
	 * @param x the left edge
	 * @param y the top edge
	 * @param width the width
	 * @param height the height
	 */
	public record Box(double x, double y, double width, double height) {

	}

}
