package io.modelport.faces.detection;

/**
 * A face found in a photo and aligned.
 *
 * @param box where the detector found it, in photo pixels
 * @param landmarks the 68 landmarks (x, y pairs) in photo pixels
 * @param chip the aligned chip's R, G, B planes, {@code null} when the face is too small
 * to align
 * @author Modelport Team
 */
public record FoundFace(FaceBox box, float[] landmarks, float[][] chip) {

	/**
	 * Whether the face is large enough to be embedded.
	 * @return whether there is a chip
	 */
	public boolean alignable() {
		return this.chip != null;
	}

}
