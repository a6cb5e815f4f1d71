package io.modelport.faces;

import java.awt.image.BufferedImage;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;

/**
 * Turns a photo into the embedder's input tensor: for a model whose descriptor asks for
 * {@code alignment: landmarks-68} (the imported face-api verifier) the face is aligned to
 * a chip first, grey photos repeated into three channels; other models resize the photo,
 * as they were trained.
 *
 * @author Modelport Team
 */
final class FaceAlignment {

	/** The descriptor parameter value that turns alignment on. */
	static final String LANDMARKS_68 = "landmarks-68";

	/** Below this side (pixels) a face has too little detail for 68 landmarks. */
	static final int MIN_FACE = 32;

	private FaceAlignment() {
	}

	static boolean enabled(ModelDescriptor descriptor) {
		return LANDMARKS_68.equals(descriptor.parameters().get("alignment"));
	}

	/**
	 * The input tensor.
	 * @param descriptor the model version
	 * @param aligner its aligner, {@code null} when it does not align
	 * @param image the decoded photo
	 * @return channels × height × width values
	 * @throws NoFaceException when the photo is too small to hold an alignable face
	 */
	static float[] tensor(ModelDescriptor descriptor, FaceAligner aligner, BufferedImage image) {
		InputSpec input = descriptor.input();
		if (aligner == null) {
			return ImagePreprocessor.toTensor(image, input);
		}
		if (Math.min(image.getWidth(), image.getHeight()) < MIN_FACE) {
			throw new NoFaceException("the face is too small to align: the photo is " + image.getWidth() + "x"
					+ image.getHeight() + " pixels, at least " + MIN_FACE + " are needed on each side");
		}
		float[][] planes = ImagePreprocessor.planes(image, 3);
		return normalized(aligner.align(planes, image.getWidth(), image.getHeight()).chip(), input);
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
