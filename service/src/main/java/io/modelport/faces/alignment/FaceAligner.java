package io.modelport.faces.alignment;

/**
 * Aligns a face that roughly fills a photo (an ID-style photo, or a detector's box): the
 * landmarks are found in the photo padded to a square, found again in a square around the
 * first landmarks (the network was trained on such tight crops), and the similarity that
 * best maps them onto {@link FaceTemplate} cuts the chip the embedder expects.
 *
 * @author Modelport Team
 */
public final class FaceAligner {

	/** The margin added around the first landmarks' bounding box for the second pass. */
	static final double MARGIN = 0.2;

	private final FaceLandmarker landmarker;

	private final int chipSize;

	public FaceAligner(FaceLandmarker landmarker, int chipSize) {
		this.landmarker = landmarker;
		this.chipSize = chipSize;
	}

	/**
	 * Aligns the face in a region of a photo.
	 * @param planes the R, G, B planes, 0-255 (grey photos repeat one plane)
	 * @param w the width
	 * @param h the height
	 * @param x0 the region's left edge
	 * @param y0 the region's top edge
	 * @param side the region's side
	 * @return the chip and the landmarks
	 */
	public Aligned align(float[][] planes, int w, int h, double x0, double y0, double side) {
		float[] first = this.landmarker.locate(planes, w, h, x0, y0, side);
		float minX = Float.MAX_VALUE;
		float minY = Float.MAX_VALUE;
		float maxX = -Float.MAX_VALUE;
		float maxY = -Float.MAX_VALUE;
		for (int i = 0; i < first.length; i += 2) {
			minX = Math.min(minX, first[i]);
			maxX = Math.max(maxX, first[i]);
			minY = Math.min(minY, first[i + 1]);
			maxY = Math.max(maxY, first[i + 1]);
		}
		double size = Math.max(maxX - minX, maxY - minY) * (1 + 2 * MARGIN);
		double cx = (minX + maxX) / 2.0;
		double cy = (minY + maxY) / 2.0;
		float[] landmarks = this.landmarker.locate(planes, w, h, cx - size / 2, cy - size / 2, size);
		Similarity photoToChip = Similarity.fit(FaceTemplate.used(landmarks), FaceTemplate.points(this.chipSize));
		float[][] chip = Sampler.sample(planes, w, h, photoToChip.inverse(), this.chipSize);
		return new Aligned(chip, landmarks, photoToChip.scale());
	}

	/**
	 * Aligns the face of an ID-style photo, the whole photo padded to a square.
	 * @param planes the R, G, B planes
	 * @param w the width
	 * @param h the height
	 * @return the chip and the landmarks
	 */
	public Aligned align(float[][] planes, int w, int h) {
		int side = Math.max(w, h);
		return align(planes, w, h, (w - side) / 2.0, (h - side) / 2.0, side);
	}

	/**
	 * An aligned face.
	 *
	 * @param chip R, G, B planes of the chip, 0-255
	 * @param landmarks the 68 landmarks in photo pixels
	 * @param scale chip pixels per photo pixel
	 */
	public record Aligned(float[][] chip, float[] landmarks, double scale) {

	}

}
