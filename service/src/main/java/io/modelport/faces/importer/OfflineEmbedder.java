package io.modelport.faces.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.modelport.embeddings.Embeddings;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.nn.FaceRecognitionResNet;

/**
 * The imported networks outside the service, for the evaluation commands: the same
 * blocks, alignment and normalisation the service uses, one image at a time.
 *
 * @author Modelport Team
 */
final class OfflineEmbedder implements AutoCloseable {

	private final Model model;

	private final FaceAligner aligner;

	OfflineEmbedder(Path directory) throws IOException {
		this.model = Model.newInstance("face-api", Device.cpu(), "PyTorch");
		try {
			this.model.setBlock(new FaceRecognitionResNet());
			this.model.load(directory, "face-api", Map.of("epoch", "0"));
			FaceLandmarker landmarker = FaceLandmarker.load(this.model.getNDManager(),
					directory.resolve(FaceApiImport.LANDMARKS));
			this.aligner = new FaceAligner(landmarker, FaceRecognitionResNet.SIZE);
		}
		catch (IOException | MalformedModelException | RuntimeException ex) {
			this.model.close();
			throw new IOException("cannot load " + directory + ": " + ex.getMessage(), ex);
		}
	}

	FaceAligner aligner() {
		return this.aligner;
	}

	/**
	 * Embeds a face that fills the photo.
	 * @param planes the R, G, B planes
	 * @param w the width
	 * @param h the height
	 * @param align whether to align with landmarks (else the photo is resized to the
	 * chip)
	 * @return the unit embedding
	 */
	float[] embed(float[][] planes, int w, int h, boolean align) {
		float[][] chip = align ? this.aligner.align(planes, w, h).chip() : resized(planes, w, h);
		return embedChip(chip);
	}

	/**
	 * Embeds an aligned chip.
	 * @param chip the R, G, B planes of a 150 × 150 chip
	 * @return the unit embedding
	 */
	float[] embedChip(float[][] chip) {
		int size = FaceRecognitionResNet.SIZE * FaceRecognitionResNet.SIZE;
		float[] input = new float[3 * size];
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < size; i++) {
				input[c * size + i] = (chip[c][i] - FaceRecognitionResNet.MEAN_RGB[c]) / 255f;
			}
		}
		try (NDManager scope = this.model.getNDManager().newSubManager()) {
			NDList out = this.model.getBlock()
				.forward(new ParameterStore(scope, false), new NDList(
						scope.create(input, new Shape(1, 3, FaceRecognitionResNet.SIZE, FaceRecognitionResNet.SIZE))),
						false);
			return Embeddings.l2Normalize(out.singletonOrThrow().toFloatArray());
		}
	}

	private static float[][] resized(float[][] planes, int w, int h) {
		float[][] chip = new float[3][];
		for (int c = 0; c < 3; c++) {
			chip[c] = ImagePreprocessor.resize(planes[c], w, h, FaceRecognitionResNet.SIZE, FaceRecognitionResNet.SIZE);
		}
		return chip;
	}

	@Override
	public void close() {
		this.model.close();
	}

}
