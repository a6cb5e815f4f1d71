package io.modelport.faces.training;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;

/**
 * The aligned input of every face of a set, as serving computes it for the imported
 * verifier: the grey photo repeated into three planes, 68 landmarks found, the similarity
 * to the template cutting the chip, then the version's per-channel normalisation. A
 * fine-tune therefore trains on exactly the tensors its version will see.
 *
 * @author Modelport Team
 */
final class FaceChips {

	/** Below this side (pixels) a photo has too little detail for 68 landmarks. */
	static final int MIN_SIDE = 32;

	private FaceChips() {
	}

	/**
	 * Aligns and normalises every face.
	 * @param faces the faces
	 * @param aligner the version's aligner
	 * @param input the version's input spec (3 channels, the chip size)
	 * @return one channels × height × width tensor per face
	 * @throws IllegalArgumentException when the photos are too small to align
	 */
	static float[][] of(FaceImages faces, FaceAligner aligner, InputSpec input) {
		if (Math.min(faces.width(), faces.height()) < MIN_SIDE) {
			throw new IllegalArgumentException("the faces are " + faces.width() + "x" + faces.height()
					+ " pixels, too small to align: at least " + MIN_SIDE + " are needed on each side");
		}
		float[][] tensors = new float[faces.count()][];
		for (int i = 0; i < tensors.length; i++) {
			float[][] planes = ImagePreprocessor.planes(faces.toImage(i), 3);
			tensors[i] = normalized(aligner.align(planes, faces.width(), faces.height()).chip(), input);
		}
		return tensors;
	}

	static float[] normalized(float[][] chip, InputSpec input) {
		int size = input.width() * input.height();
		float[] tensor = new float[input.channels() * size];
		for (int c = 0; c < input.channels(); c++) {
			for (int i = 0; i < size; i++) {
				tensor[c * size + i] = input.normalize(chip[c][i], c);
			}
		}
		return tensor;
	}

	/**
	 * A face mirrored left to right, for flip augmentation.
	 * @param tensor channels × height × width values
	 * @param width the width
	 * @return the mirrored copy
	 */
	static float[] mirrored(float[] tensor, int width) {
		float[] out = new float[tensor.length];
		int rows = tensor.length / width;
		for (int row = 0; row < rows; row++) {
			int start = row * width;
			for (int x = 0; x < width; x++) {
				out[start + x] = tensor[start + width - 1 - x];
			}
		}
		return out;
	}

}
