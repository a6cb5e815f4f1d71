package io.modelport.faces;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.detection.FaceBox;
import io.modelport.faces.detection.FaceFinder;
import io.modelport.faces.detection.FoundFace;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;

/**
 * Turns a photo into its faces, each with the embedder's input tensor: a model whose
 * descriptor names a detector finds every face and aligns each; a model that only asks
 * for {@code alignment: landmarks-68} (face-api version 1) aligns the one face that fills
 * the photo; other models resize the photo, as they were trained.
 *
 * @author Modelport Team
 */
final class FaceAlignment {

	/** The descriptor parameter value that turns alignment on. */
	static final String LANDMARKS_68 = "landmarks-68";

	/** Below this side (pixels) a face has too little detail for 68 landmarks. */
	static final int MIN_FACE = FaceFinder.MIN_FACE;

	private FaceAlignment() {
	}

	static boolean enabled(ModelDescriptor descriptor) {
		return LANDMARKS_68.equals(descriptor.parameters().get("alignment"));
	}

	/**
	 * The faces of a photo.
	 * @param descriptor the model version
	 * @param tools its aligner and finder, {@code null} when it does not align
	 * @param image the decoded photo
	 * @return the faces, left to right; empty when a detector found none
	 */
	static List<PhotoFace> faces(ModelDescriptor descriptor, FaceTools tools, BufferedImage image) {
		InputSpec input = descriptor.input();
		int w = image.getWidth();
		int h = image.getHeight();
		FaceBox whole = new FaceBox(0, 0, w, h, 1);
		if (tools == null) {
			return List.of(new PhotoFace(0, whole, null, ImagePreprocessor.toTensor(image, input)));
		}
		float[][] planes = ImagePreprocessor.planes(image, 3);
		if (tools.finder() == null) {
			if (Math.min(w, h) < MIN_FACE) {
				return List.of(new PhotoFace(0, whole, null, null));
			}
			FaceAligner.Aligned aligned = tools.aligner().align(planes, w, h);
			return List.of(new PhotoFace(0, whole, aligned.landmarks(), normalized(aligned.chip(), input)));
		}
		List<PhotoFace> faces = new ArrayList<>();
		for (FoundFace face : tools.finder().find(planes, w, h)) {
			faces.add(new PhotoFace(faces.size(), face.box(), face.landmarks(),
					face.alignable() ? normalized(face.chip(), input) : null));
		}
		return faces;
	}

	/**
	 * Checks that selected faces can be embedded.
	 * @param faces the selected faces
	 * @param all whether every face was asked for (then the small ones are left out)
	 * @return the faces to embed
	 * @throws NoFaceException when none is large enough
	 */
	static List<PhotoFace> embeddable(List<PhotoFace> faces, boolean all) {
		List<PhotoFace> kept = faces.stream().filter((f) -> f.tensor() != null).toList();
		if (kept.isEmpty() || (!all && kept.size() < faces.size())) {
			FaceBox box = faces.get(0).box();
			throw new NoFaceException("the face is too small to align: it is " + Math.round(box.width()) + "x"
					+ Math.round(box.height()) + " pixels, at least " + MIN_FACE + " are needed on each side");
		}
		return kept;
	}

	static float[] normalized(float[][] chip, InputSpec input) {
		int size = input.width() * input.height();
		float[] tensor = new float[3 * size];
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < size; i++) {
				tensor[c * size + i] = input.normalize(chip[c][i], c);
			}
		}
		return tensor;
	}

}
