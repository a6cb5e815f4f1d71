package io.modelport.faces.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.modelport.faces.alignment.FaceAligner;

/**
 * Finds every face of a photo and aligns it. The detector runs at three scales (about one
 * input pixel per photo pixel; half that, for faces larger than its biggest anchor; twice
 * that up to {@value #UPSCALED_INPUT}, for faces near its smallest); their boxes are
 * merged by suppression. When nothing is found the photo is tried once more in the middle
 * of a black frame twice its size: the detector, trained on faces with some surroundings,
 * misses about half of the ID-style photos whose face fills the frame and finds nearly
 * all of them so. Nothing found then means no face: never a guess.
 *
 * @author Modelport Team
 */
public final class FaceFinder {

	/** Below this box side (pixels) a face has too little detail for 68 landmarks. */
	public static final int MIN_FACE = 32;

	/** The largest input of the enlarged pass, for faces near the smallest anchor. */
	static final int UPSCALED_INPUT = 1024;

	private final TinyFaceDetector detector;

	private final FaceAligner aligner;

	public FaceFinder(TinyFaceDetector detector, FaceAligner aligner) {
		this.detector = detector;
		this.aligner = aligner;
	}

	/**
	 * Finds and aligns the faces.
	 * @param planes the R, G, B planes, 0-255
	 * @param w the width
	 * @param h the height
	 * @return the faces, left to right (by box centre)
	 */
	public List<FoundFace> find(float[][] planes, int w, int h) {
		List<FaceBox> boxes = boxes(planes, w, h);
		if (boxes.isEmpty()) {
			boxes = framed(planes, w, h);
		}
		List<FoundFace> faces = new ArrayList<>(boxes.size());
		for (FaceBox box : boxes) {
			double side = Math.max(box.width(), box.height());
			double x0 = box.x() + box.width() / 2 - side / 2;
			double y0 = box.y() + box.height() / 2 - side / 2;
			FaceAligner.Aligned aligned = this.aligner.align(planes, w, h, x0, y0, side);
			boolean alignable = Math.min(box.width(), box.height()) >= MIN_FACE;
			faces.add(new FoundFace(box, aligned.landmarks(), alignable ? aligned.chip() : null));
		}
		faces.sort(Comparator.comparingDouble((FoundFace f) -> f.box().x() + f.box().width() / 2)
			.thenComparingDouble((f) -> f.box().y()));
		return faces;
	}

	/**
	 * The detector's boxes at both scales, merged.
	 * @param planes the R, G, B planes
	 * @param w the width
	 * @param h the height
	 * @return the boxes, highest score first
	 */
	List<FaceBox> boxes(float[][] planes, int w, int h) {
		int size = TinyFaceDetector.inputSize(w, h);
		List<FaceBox> all = new ArrayList<>(this.detector.detect(planes, w, h, size, TinyFaceDetector.SCORE_THRESHOLD));
		int half = Math.max(TinyFaceDetector.MIN_INPUT, size / 2 / 32 * 32);
		if (half < size) {
			all.addAll(this.detector.detect(planes, w, h, half, TinyFaceDetector.SCORE_THRESHOLD));
		}
		int twice = Math.min(UPSCALED_INPUT, 2 * size);
		if (twice > size) {
			all.addAll(this.detector.detect(planes, w, h, twice, TinyFaceDetector.SCORE_THRESHOLD));
		}
		return GridDecoder.suppress(all);
	}

	private List<FaceBox> framed(float[][] planes, int w, int h) {
		int fw = 2 * w;
		int fh = 2 * h;
		int dx = w / 2;
		int dy = h / 2;
		float[][] frame = new float[3][fw * fh];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				System.arraycopy(planes[c], y * w, frame[c], (y + dy) * fw + dx, w);
			}
		}
		List<FaceBox> boxes = new ArrayList<>();
		for (FaceBox box : boxes(frame, fw, fh)) {
			boxes.add(new FaceBox(box.x() - dx, box.y() - dy, box.width(), box.height(), box.score()));
		}
		return boxes;
	}

}
