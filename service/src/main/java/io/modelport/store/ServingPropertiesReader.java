package io.modelport.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Turns a DJL-Serving model folder ({@code serving.properties} + a TorchScript
 * {@code .pt}, or an ONNX {@code .onnx} with {@code engine=OnnxRuntime}, +
 * {@code synset.txt}) into a descriptor, so image classifiers move over from DJL Serving
 * unchanged. The keys follow DJL's image classification translator: {@code width},
 * {@code height} (default 224), {@code normalize} (ImageNet statistics), {@code flag}
 * ({@code grayscale} or {@code color}), {@code topK}, {@code applySoftmax},
 * {@code synsetFileName}, {@code option.modelName}.
 *
 * @author Modelport Team
 */
public final class ServingPropertiesReader {

	/** The DJL Serving configuration file name. */
	public static final String FILE_NAME = "serving.properties";

	private static final float[] IMAGENET_MEAN = { 0.485f, 0.456f, 0.406f };

	private static final float[] IMAGENET_STD = { 0.229f, 0.224f, 0.225f };

	private ServingPropertiesReader() {
	}

	/**
	 * Reads a DJL Serving folder.
	 * @param name the model name
	 * @param version the version this folder is served as
	 * @param directory the folder holding {@code serving.properties}
	 * @return the descriptor
	 * @throws InvalidModelException when the folder is not a supported image classifier
	 */
	public static ModelDescriptor read(String name, int version, Path directory) {
		Properties properties = load(directory.resolve(FILE_NAME));
		String engine = properties.getProperty("engine", "PyTorch");
		ArtifactFormat format = switch (engine) {
			case "PyTorch" -> ArtifactFormat.TORCHSCRIPT;
			case "OnnxRuntime" -> ArtifactFormat.ONNX;
			default -> throw new InvalidModelException(
					"serving.properties engine must be PyTorch or OnnxRuntime, was " + engine);
		};
		String factory = properties.getProperty("translatorFactory", "");
		if (!factory.isEmpty() && !factory.endsWith("ImageClassificationTranslatorFactory")) {
			throw new InvalidModelException(
					"only image classifiers are accepted from serving.properties, translatorFactory was " + factory);
		}
		int channels = "grayscale".equalsIgnoreCase(properties.getProperty("flag", "color")) ? 1 : 3;
		boolean normalize = Boolean.parseBoolean(properties.getProperty("normalize", "false"));
		InputSpec input = new InputSpec(intProperty(properties, "width", 224), intProperty(properties, "height", 224),
				channels, 255f, normalize ? perChannel(IMAGENET_MEAN, channels) : null,
				normalize ? perChannel(IMAGENET_STD, channels) : null);
		List<String> labels = Labels
			.read(directory.resolve(new Artifact(properties.getProperty("synsetFileName", "synset.txt"), null).file()));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("topK", intProperty(properties, "topK", 5));
		parameters.put("applySoftmax", Boolean.parseBoolean(properties.getProperty("applySoftmax", "true")));
		String extension = (format == ArtifactFormat.ONNX) ? ".onnx" : ".pt";
		String file = modelFile(directory, properties.getProperty("option.modelName"), name, extension);
		return new ModelDescriptor(name, version, Task.CLASSIFIER, format, null,
				List.of(new Artifact(file, properties.getProperty("sha256"))), input, labels, parameters,
				Map.of("source", "DJL Serving folder (serving.properties)"), directory);
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return properties;
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InvalidModelException("cannot read " + FILE_NAME + ": " + ex.getMessage(), ex);
		}
	}

	private static String modelFile(Path directory, String modelName, String name, String extension) {
		for (String candidate : new String[] { modelName, name, "model" }) {
			if (candidate != null && Files.isRegularFile(directory.resolve(candidate + extension))) {
				return candidate + extension;
			}
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<String> found = files.map((p) -> p.getFileName().toString())
				.filter((f) -> f.endsWith(extension))
				.toList();
			if (found.size() == 1) {
				return found.get(0);
			}
			throw new InvalidModelException(
					"expected one " + extension + " file next to serving.properties, found " + found.size());
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot list " + directory.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	private static int intProperty(Properties properties, String key, int fallback) {
		String value = properties.getProperty(key);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidModelException("serving.properties " + key + " must be an integer, was " + value);
		}
	}

	private static float[] perChannel(float[] rgb, int channels) {
		if (channels == 3) {
			return rgb;
		}
		return new float[] { (rgb[0] + rgb[1] + rgb[2]) / 3f };
	}

}
