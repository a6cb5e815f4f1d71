package io.modelport.faces.detection;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.modelport.nn.TinyFaceDetectorNet;

/**
 * Finds faces in a photo with face-api's tiny face detector. Like the landmarker, its
 * parameters live in the served model's manager and each call computes in its own
 * sub-manager.
 *
 * @author Modelport Team
 */
public final class TinyFaceDetector {

	/** face-api's default score threshold. */
	public static final double SCORE_THRESHOLD = 0.5;

	/** The smallest and largest input sides used; the detector needs multiples of 32. */
	static final int MIN_INPUT = 160;

	static final int MAX_INPUT = 640;

	private final TinyFaceDetectorNet net = new TinyFaceDetectorNet();

	private final NDManager manager;

	private TinyFaceDetector(NDManager manager) {
		this.manager = manager;
	}

	/**
	 * Reads the detector's parameters.
	 * @param manager the served model's manager, which then owns them
	 * @param file the parameter file
	 * @return the detector
	 * @throws IOException when the file cannot be read or is not this network's
	 */
	public static TinyFaceDetector load(NDManager manager, Path file) throws IOException {
		TinyFaceDetector detector = new TinyFaceDetector(manager);
		try (InputStream in = Files.newInputStream(file);
				DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
			detector.net.load(manager, data, new Shape(1, 3, MIN_INPUT, MIN_INPUT));
		}
		catch (MalformedModelException ex) {
			throw new IOException(file.getFileName() + " is not a tiny face detector: " + ex.getMessage(), ex);
		}
		return detector;
	}

	/**
	 * The input side for a photo: its longer side rounded up to a multiple of 32, so
	 * faces keep about their size (the smallest anchor is about 50 input pixels), within
	 * {@link #MIN_INPUT} and {@link #MAX_INPUT}.
	 * @param w the width
	 * @param h the height
	 * @return the side
	 */
	public static int inputSize(int w, int h) {
		int side = (Math.max(w, h) + 31) / 32 * 32;
		return Math.max(MIN_INPUT, Math.min(MAX_INPUT, side));
	}

	/**
	 * Detects faces.
	 * @param planes the R, G, B planes, 0-255
	 * @param w the width
	 * @param h the height
	 * @param size the input side, a multiple of 32
	 * @param scoreThreshold the smallest score kept (exclusive)
	 * @return the faces in photo pixels, highest score first
	 */
	public List<FaceBox> detect(float[][] planes, int w, int h, int size, double scoreThreshold) {
		float[] grid = raw(DetectorInput.tensor(planes, w, h, size), size);
		int cells = (int) Math.round(
				Math.sqrt(grid.length / (double) (TinyFaceDetectorNet.ANCHORS.length * TinyFaceDetectorNet.ENCODING)));
		return GridDecoder.decode(grid, cells, DetectorInput.fill(w, w, h, size), DetectorInput.fill(h, w, h, size), w,
				h, scoreThreshold);
	}

	/**
	 * Runs the network alone.
	 * @param input 3 × size × size normalised values
	 * @param size the side
	 * @return the grid, channels × cells × cells
	 */
	public float[] raw(float[] input, int size) {
		try (NDManager scope = this.manager.newSubManager()) {
			NDArray x = scope.create(input, new Shape(1, 3, size, size));
			NDList out = this.net.forward(new ParameterStore(scope, false), new NDList(x), false);
			return out.singletonOrThrow().toFloatArray();
		}
	}

}
