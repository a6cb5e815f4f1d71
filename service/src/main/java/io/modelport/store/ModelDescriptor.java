package io.modelport.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the store says about one version of a model: what it does, where its weights
 * are, how to feed it and where it came from.
 *
 * @param name the model name (the folder name)
 * @param version the integer version (the folder name)
 * @param task what the model does
 * @param format how its weights are stored
 * @param architecture the architecture that rebuilds a {@link ArtifactFormat#DJL_PARAMS}
 * model, {@code null} for TorchScript
 * @param artifacts the weight files with their checksums
 * @param input the image input spec, {@code null} for non-image tasks
 * @param labels the class labels, index = output position
 * @param parameters task parameters (for example {@code topK}, {@code applySoftmax})
 * @param provenance how the model was trained and how good it is
 * @param directory the version folder
 * @author Modelport Team
 */
public record ModelDescriptor(String name, int version, Task task, ArtifactFormat format, Architecture architecture,
		List<Artifact> artifacts, InputSpec input, List<String> labels, Map<String, Object> parameters,
		Map<String, Object> provenance, Path directory) {

	public ModelDescriptor {
		ModelNames.requireValid(name);
		if (version <= 0) {
			throw new IllegalArgumentException("version must be a positive integer");
		}
		if (task == null || format == null) {
			throw new IllegalArgumentException("task and format are required");
		}
		if (format == ArtifactFormat.DJL_PARAMS && architecture == null) {
			throw new IllegalArgumentException("format djl-params needs an architecture");
		}
		artifacts = (artifacts != null) ? List.copyOf(artifacts) : List.of();
		if (artifacts.isEmpty()) {
			throw new IllegalArgumentException("at least one artifact is required");
		}
		labels = (labels != null) ? List.copyOf(labels) : List.of();
		// Keep the written order, so descriptors stay readable.
		parameters = (parameters != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parameters)) : Map.of();
		provenance = (provenance != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(provenance)) : Map.of();
	}

	/**
	 * The first artifact, which holds the weights.
	 * @return the weights artifact
	 */
	public Artifact weights() {
		return this.artifacts.get(0);
	}

	/**
	 * Reads an integer task parameter.
	 * @param key the parameter name
	 * @param fallback the value when the descriptor does not set it
	 * @return the value
	 */
	public int intParameter(String key, int fallback) {
		Object value = this.parameters.get(key);
		return (value instanceof Number number) ? number.intValue() : fallback;
	}

	/**
	 * Reads a boolean task parameter.
	 * @param key the parameter name
	 * @param fallback the value when the descriptor does not set it
	 * @return the value
	 */
	public boolean booleanParameter(String key, boolean fallback) {
		Object value = this.parameters.get(key);
		return (value instanceof Boolean bool) ? bool : fallback;
	}

}
