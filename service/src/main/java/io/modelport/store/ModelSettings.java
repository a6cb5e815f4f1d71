package io.modelport.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Model-level settings from the optional {@code <model>/model.yaml}: which version is
 * served by default and whether readiness waits for the model.
 *
 * @param defaultVersion the version served when a request names none, {@code null} for
 * the highest READY version
 * @param required whether readiness stays DOWN until this model is READY
 * @param description a human description
 * @author Modelport Team
 */
public record ModelSettings(Integer defaultVersion, boolean required, String description) {

	/** The settings file name inside a model folder. */
	public static final String FILE_NAME = "model.yaml";

	/** Settings of a model without {@code model.yaml}. */
	public static final ModelSettings DEFAULTS = new ModelSettings(null, false, null);

	/**
	 * Pins the default version in a model folder's {@code model.yaml}, keeping its other
	 * settings. The file is replaced in one step.
	 * @param modelDirectory the model folder
	 * @param version the version to serve by default
	 * @throws IOException when the file cannot be written
	 */
	public static void writeDefaultVersion(Path modelDirectory, int version) throws IOException {
		Path file = modelDirectory.resolve(FILE_NAME);
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				Object root = DescriptorParser.yaml().load(reader);
				if (root instanceof Map<?, ?> map) {
					map.forEach((key, value) -> values.put(String.valueOf(key), value));
				}
			}
		}
		values.put("defaultVersion", version);
		org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
		options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
		Path temporary = modelDirectory.resolve(FILE_NAME + ".tmp");
		Files.writeString(temporary, "# Model-level settings (see docs/model-store.md).\n"
				+ new org.yaml.snakeyaml.Yaml(options).dump(values), StandardCharsets.UTF_8);
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Reads the settings of a model folder.
	 * @param modelDirectory the model folder
	 * @return the settings, {@link #DEFAULTS} when the file is absent
	 * @throws InvalidModelException when the file is invalid
	 */
	public static ModelSettings read(Path modelDirectory) {
		Path file = modelDirectory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return DEFAULTS;
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object root = DescriptorParser.yaml().load(reader);
			if (root == null) {
				return DEFAULTS;
			}
			if (!(root instanceof Map<?, ?> map)) {
				throw new InvalidModelException(FILE_NAME + " must be a YAML mapping");
			}
			Fields fields = new Fields(map);
			Object required = map.get("required");
			return new ModelSettings(fields.integer("defaultVersion"), Boolean.TRUE.equals(required),
					fields.string("description"));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidModelException invalid) {
				throw invalid;
			}
			throw new InvalidModelException("invalid " + FILE_NAME + ": " + ex.getMessage(), ex);
		}
	}

}
