package io.modelport.faces.alignment;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.modelport.nn.FaceLandmarkNet;
import io.modelport.nn.FaceRecognitionResNet;

/**
 * Finds 68 landmarks in a square region of a photo with face-api's landmark network. Its
 * parameters live in the served model's manager, so they are freed with the model; each
 * call computes in its own sub-manager.
 *
 * @author Modelport Team
 */
public final class FaceLandmarker {

	private final FaceLandmarkNet net = new FaceLandmarkNet();

	private final NDManager manager;

	private FaceLandmarker(NDManager manager) {
		this.manager = manager;
	}

	/**
	 * Reads the landmark network's parameters.
	 * @param manager the served model's manager, which then owns them
	 * @param file the parameter file
	 * @return the landmarker
	 * @throws IOException when the file cannot be read or is not this network's
	 */
	public static FaceLandmarker load(NDManager manager, Path file) throws IOException {
		FaceLandmarker landmarker = new FaceLandmarker(manager);
		try (InputStream in = Files.newInputStream(file);
				DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
			landmarker.net.load(manager, data, new Shape(1, 3, FaceLandmarkNet.SIZE, FaceLandmarkNet.SIZE));
		}
		catch (MalformedModelException ex) {
			throw new IOException(file.getFileName() + " is not a landmark network: " + ex.getMessage(), ex);
		}
		return landmarker;
	}

	/**
	 * Locates the landmarks in a square region.
	 * @param planes the R, G, B planes, 0-255
	 * @param w the photo width
	 * @param h the photo height
	 * @param x0 the region's left edge (may lie outside the photo)
	 * @param y0 the region's top edge
	 * @param side the region's side
	 * @return x, y pairs in photo pixels, 68 points
	 */
	public float[] locate(float[][] planes, int w, int h, double x0, double y0, double side) {
		double step = side / FaceLandmarkNet.SIZE;
		// pixel u of the crop is centred at x0 + (u + 0.5) step in the photo's continuous
		// coordinates, that is x0 + (u + 0.5) step - 0.5 in pixel-centre coordinates
		Similarity cropToPhoto = new Similarity(step, 0, x0 + 0.5 * step - 0.5, y0 + 0.5 * step - 0.5);
		float[][] crop = Sampler.sample(planes, w, h, cropToPhoto, FaceLandmarkNet.SIZE);
		int size = FaceLandmarkNet.SIZE * FaceLandmarkNet.SIZE;
		float[] input = new float[3 * size];
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < size; i++) {
				input[c * size + i] = (crop[c][i] - FaceRecognitionResNet.MEAN_RGB[c]) / 255f;
			}
		}
		float[] relative;
		try (NDManager scope = this.manager.newSubManager()) {
			NDArray x = scope.create(input, new Shape(1, 3, FaceLandmarkNet.SIZE, FaceLandmarkNet.SIZE));
			NDList out = this.net.forward(new ParameterStore(scope, false), new NDList(x), false);
			relative = out.singletonOrThrow().toFloatArray();
		}
		float[] points = new float[relative.length];
		for (int i = 0; i < relative.length; i += 2) {
			points[i] = (float) (x0 + relative[i] * side);
			points[i + 1] = (float) (y0 + relative[i + 1] * side);
		}
		return points;
	}

}
