package io.modelport.faces.importer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.FaceLandmarkNet;
import io.modelport.nn.FaceRecognitionResNet;
import io.modelport.nn.TfjsNet;
import io.modelport.nn.TfjsWeights;
import io.modelport.nn.TinyFaceDetectorNet;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorWriter;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Turns the pinned face-api npm package into a Modelport face-verifier version: the
 * recognition ResNet becomes the served DJL network ({@value #WEIGHTS}) and the 68-point
 * landmark network, which aligns faces before they are embedded, a second artifact
 * ({@value #LANDMARKS}). Nothing depends on the clock or the machine, so importing the
 * same tarball again gives the same bytes.
 *
 * @author Modelport Team
 */
public final class FaceApiImport {

	/** The npm package. */
	public static final String PACKAGE = "@vladmandic/face-api";

	/** The pinned version. */
	public static final String VERSION = "1.7.15";

	/** The registry's {@code dist.integrity} of the pinned version. */
	public static final String INTEGRITY = "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";

	/** The served network's parameter file. */
	public static final String WEIGHTS = "face-api-0000.params";

	/** The landmark network's parameter file. */
	public static final String LANDMARKS = "face-api-landmarks.params";

	/** The face detector's parameter file (version 2 on). */
	public static final String DETECTOR = "face-api-detector.params";

	/** The descriptor parameter naming the detector artifact. */
	public static final String DETECTOR_PARAMETER = "detector";

	/** The descriptor parameter naming the landmark artifact. */
	public static final String LANDMARKS_PARAMETER = "landmarks";

	private FaceApiImport() {
	}

	/**
	 * Imports the package into a version folder.
	 * @param tarball the npm tarball, checked against {@link #INTEGRITY}
	 * @param directory the version folder (created), for example
	 * {@code model-store/face-api/1}
	 * @param name the model name
	 * @param version the version number
	 * @param threshold the calibrated τ
	 * @param withDetector whether the tiny face detector is imported too (version 1 was
	 * shipped without it)
	 * @return the written descriptor
	 * @throws IOException when the tarball is wrong or a file cannot be written
	 */
	public static ModelDescriptor importTo(Path tarball, Path directory, String name, int version, double threshold,
			boolean withDetector) throws IOException {
		NpmTarball pkg = NpmTarball.read(tarball, INTEGRITY);
		Files.createDirectories(directory);
		try (Model model = Model.newInstance(name, Device.cpu(), "PyTorch")) {
			FaceRecognitionResNet recognition = new FaceRecognitionResNet();
			fill(model, recognition, pkg, "face_recognition_model", FaceRecognitionResNet.SIZE);
			model.setBlock(recognition);
			model.save(directory, WEIGHTS.substring(0, WEIGHTS.length() - "-0000.params".length()));
			FaceLandmarkNet landmarks = new FaceLandmarkNet();
			fill(model, landmarks, pkg, "face_landmark_68_model", FaceLandmarkNet.SIZE);
			try (OutputStream out = Files.newOutputStream(directory.resolve(LANDMARKS));
					DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
				landmarks.saveParameters(data);
			}
			if (withDetector) {
				TinyFaceDetectorNet detector = new TinyFaceDetectorNet();
				fill(model, detector, pkg, "tiny_face_detector_model", TinyFaceDetectorNet.DEFAULT_SIZE);
				try (OutputStream out = Files.newOutputStream(directory.resolve(DETECTOR));
						DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
					detector.saveParameters(data);
				}
			}
		}
		ModelDescriptor descriptor = descriptor(directory, name, version, threshold, withDetector);
		DescriptorWriter.write(descriptor);
		return descriptor;
	}

	private static void fill(Model model, TfjsNet net, NpmTarball pkg, String prefix, int size) throws IOException {
		net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, size, size));
		try (InputStream manifest = pkg.open("model/" + prefix + "-weights_manifest.json")) {
			net.setWeights(TfjsWeights.read(manifest, (path) -> pkg.open("model/" + path)));
		}
	}

	private static ModelDescriptor descriptor(Path directory, String name, int version, double threshold,
			boolean withDetector) throws IOException {
		float[] std = { 255f, 255f, 255f };
		InputSpec input = new InputSpec(FaceRecognitionResNet.SIZE, FaceRecognitionResNet.SIZE, 3, 1f,
				FaceRecognitionResNet.MEAN_RGB, std);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("threshold", threshold);
		parameters.put("distance", "squared-l2");
		parameters.put("embeddingSize", FaceRecognitionResNet.DESCRIPTOR);
		parameters.put("thresholdRule", "cross-validated max balanced accuracy (docs/faces.md)");
		parameters.put("alignment", "landmarks-68");
		parameters.put(LANDMARKS_PARAMETER, LANDMARKS);
		if (withDetector) {
			parameters.put(DETECTOR_PARAMETER, DETECTOR);
		}
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy",
				"dlib (Davis E. King), on about 3 million faces; imported, not trained, by Modelport");
		provenance.put("importedBy", "java -jar modelport.jar import face-api");
		provenance.put("package", PACKAGE + "@" + VERSION);
		provenance.put("integrity", INTEGRITY);
		provenance.put("licence",
				"MIT (face-api); the recognition weights were put in the public domain by dlib's author");
		provenance.put("credits",
				List.of("dlib face recognition ResNet, Davis E. King (dlib.net)",
						"face-api.js, Vincent Mühler (TF.js port of the networks)",
						"@vladmandic/face-api, Vladimir Mandic (maintained fork)"));
		Map<String, Object> networks = new LinkedHashMap<>();
		networks.put("recognition", "face_recognition_model");
		networks.put("landmarks", "face_landmark_68_model");
		if (withDetector) {
			networks.put("detector", "tiny_face_detector_model");
		}
		provenance.put("networks", networks);
		provenance.put("quality", OrlFigures.shipped());
		List<Artifact> artifacts = new ArrayList<>();
		for (String file : withDetector ? List.of(WEIGHTS, LANDMARKS, DETECTOR) : List.of(WEIGHTS, LANDMARKS)) {
			artifacts.add(new Artifact(file, Checksums.sha256(directory.resolve(file))));
		}
		return new ModelDescriptor(name, version, Task.FACE_VERIFIER, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.FACE_API_RECOGNITION, Map.of()), artifacts, input, List.of(),
				parameters, provenance, directory);
	}

}
