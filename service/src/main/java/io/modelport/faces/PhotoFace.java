package io.modelport.faces;

import io.modelport.faces.detection.FaceBox;

/**
 * One face of a photo, ready for the embedder.
 *
 * @param index its place among the photo's faces, left to right from 0
 * @param box where it is; for a model without a detector the whole photo
 * @param landmarks the 68 landmarks in photo pixels, {@code null} for a model that does
 * not align
 * @param tensor the embedder's input, {@code null} when the face is too small to align
 * @author Modelport Team
 */
public record PhotoFace(int index, FaceBox box, float[] landmarks, float[] tensor) {

	/**
	 * The box's area, to find the largest face.
	 * @return the area
	 */
	public double area() {
		return this.box.area();
	}

}
