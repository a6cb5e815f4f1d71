package io.modelport.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@code descriptor.yaml} into a {@link ModelDescriptor}. Only plain YAML types
 * are allowed (a safe constructor), so a descriptor can never instantiate classes.
 *
 * @author Modelport Team
 */
public final class DescriptorParser {

	/** The descriptor file name inside a version folder. */
	public static final String FILE_NAME = "descriptor.yaml";

	private DescriptorParser() {
	}

	/**
	 * Parses the descriptor of a version folder.
	 * @param name the model name (its folder)
	 * @param version the version (its folder)
	 * @param directory the version folder
	 * @return the descriptor
	 * @throws InvalidModelException when the file is missing or invalid
	 */
	public static ModelDescriptor parse(String name, int version, Path directory) {
		Path file = directory.resolve(FILE_NAME);
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object root = yaml().load(reader);
			if (!(root instanceof Map<?, ?> map)) {
				throw new InvalidModelException(FILE_NAME + " must be a YAML mapping");
			}
			return fromMap(name, version, directory, new Fields(map));
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot read " + FILE_NAME + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof InvalidModelException) {
				throw ex;
			}
			throw new InvalidModelException("invalid " + FILE_NAME + ": " + ex.getMessage(), ex);
		}
	}

	private static ModelDescriptor fromMap(String name, int version, Path directory, Fields fields) throws IOException {
		Integer declared = fields.integer("version");
		if (declared != null && declared != version) {
			throw new InvalidModelException("descriptor says version " + declared + " but lives in folder " + version);
		}
		Task task = Task.fromId(fields.requiredString("task"));
		ArtifactFormat format = ArtifactFormat.fromId(fields.requiredString("format"));
		Fields arch = fields.child("architecture");
		Architecture architecture = (arch != null)
				? new Architecture(arch.requiredString("name"), arch.map("parameters")) : null;
		List<Artifact> artifacts = new ArrayList<>();
		for (Fields artifact : fields.children("artifacts")) {
			artifacts.add(new Artifact(artifact.requiredString("file"), artifact.string("sha256")));
		}
		Fields input = fields.child("input");
		InputSpec inputSpec = (input != null) ? inputSpec(input) : null;
		List<String> labels = fields.strings("labels");
		String labelsFile = fields.string("labelsFile");
		if (labels.isEmpty() && labelsFile != null) {
			labels = Labels.read(directory.resolve(new Artifact(labelsFile, null).file()));
		}
		return new ModelDescriptor(name, version, task, format, architecture, artifacts, inputSpec, labels,
				fields.map("parameters"), fields.map("provenance"), directory);
	}

	private static InputSpec inputSpec(Fields input) {
		int channels = input.integerOr("channels", 3);
		return new InputSpec(input.requiredInteger("width"), input.requiredInteger("height"), channels,
				input.floatOr("scale", 255f), input.floats("mean"), input.floats("std"));
	}

	static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setCodePointLimit(1024 * 1024);
		return new Yaml(new SafeConstructor(options));
	}

}
