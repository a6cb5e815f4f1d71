package io.modelport.nn;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.nn.Block;

import io.modelport.store.Architecture;

/**
 * The architectures Modelport can rebuild from a name and hyperparameters. A DJL
 * parameter file holds weights only, so the block must be rebuilt with the same structure
 * before loading: this catalog is the single place that knows how.
 *
 * @author Modelport Team
 */
public final class ArchitectureCatalog {

	/** A small convolutional image classifier, see {@link ConvClassifier}. */
	public static final String CONV_CLASSIFIER = "conv-classifier";

	/** A small single-scale YOLO detector, see {@link YoloDetectorNet}. */
	public static final String YOLO_DETECTOR = "yolo-detector";

	/** The embedding CNN of a Siamese face verifier, see {@link FaceEmbedderNet}. */
	public static final String FACE_EMBEDDER = "face-embedder";

	/** An encoder-decoder translator with additive attention, see {@link Seq2SeqNet}. */
	public static final String SEQ2SEQ_ATTENTION = "seq2seq-attention";

	/**
	 * dlib's face-recognition ResNet as face-api.js ported it, see
	 * {@link FaceRecognitionResNet}.
	 */
	public static final String FACE_API_RECOGNITION = "face-api-recognition";

	private ArchitectureCatalog() {
	}

	/**
	 * The architecture names this catalog can build.
	 * @return the names
	 */
	public static Set<String> names() {
		return Set.of(CONV_CLASSIFIER, YOLO_DETECTOR, FACE_EMBEDDER, SEQ2SEQ_ATTENTION, FACE_API_RECOGNITION);
	}

	/**
	 * Builds an untrained block.
	 * @param architecture the name and hyperparameters
	 * @return the block
	 * @throws UnknownArchitectureException when the name is unknown or a hyperparameter
	 * is invalid
	 */
	public static Block build(Architecture architecture) {
		if (CONV_CLASSIFIER.equals(architecture.name())) {
			return ConvClassifier.fromParameters(architecture.parameters()).build();
		}
		if (YOLO_DETECTOR.equals(architecture.name())) {
			return YoloDetectorNet.fromParameters(architecture.parameters()).build();
		}
		if (FACE_EMBEDDER.equals(architecture.name())) {
			return FaceEmbedderNet.fromParameters(architecture.parameters()).build();
		}
		if (FACE_API_RECOGNITION.equals(architecture.name())) {
			return new FaceRecognitionResNet();
		}
		if (SEQ2SEQ_ATTENTION.equals(architecture.name())) {
			return Seq2SeqNet.fromParameters(architecture.parameters());
		}
		throw new UnknownArchitectureException(
				"unknown architecture '" + architecture.name() + "', expected one of " + names());
	}

	static int intParameter(Map<String, Object> parameters, String key, int fallback, int min, int max) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof Integer number) || number < min || number > max) {
			throw new UnknownArchitectureException(key + " must be an integer in [" + min + ", " + max + "]");
		}
		return number;
	}

	static double doubleParameter(Map<String, Object> parameters, String key, double fallback, double min, double max) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof Number number) || !(number.doubleValue() >= min && number.doubleValue() <= max)) {
			throw new UnknownArchitectureException(key + " must be a number in [" + min + ", " + max + "]");
		}
		return number.doubleValue();
	}

	static boolean booleanParameter(Map<String, Object> parameters, String key, boolean fallback) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof Boolean flag)) {
			throw new UnknownArchitectureException(key + " must be true or false");
		}
		return flag;
	}

	static List<Integer> intListParameter(Map<String, Object> parameters, String key, List<Integer> fallback, int max) {
		Object value = parameters.getOrDefault(key, fallback);
		if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 6) {
			throw new UnknownArchitectureException(key + " must be a list of 1 to 6 integers");
		}
		for (Object item : list) {
			if (!(item instanceof Integer number) || number < 1 || number > max) {
				throw new UnknownArchitectureException(key + " values must be integers in [1, " + max + "]");
			}
		}
		return list.stream().map(Integer.class::cast).toList();
	}

}
