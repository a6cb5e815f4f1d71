package io.modelport.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a {@link ModelDescriptor} as {@code descriptor.yaml}, the inverse of
 * {@link DescriptorParser}. Used by training to publish a new version.
 *
 * @author Modelport Team
 */
public final class DescriptorWriter {

	private DescriptorWriter() {
	}

	/**
	 * Writes the descriptor into its version folder.
	 * @param descriptor the descriptor
	 * @throws IOException when the file cannot be written
	 */
	public static void write(ModelDescriptor descriptor) throws IOException {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setWidth(120);
		Yaml yaml = new Yaml(options);
		Path file = descriptor.directory().resolve(DescriptorParser.FILE_NAME);
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("# Modelport model descriptor: see docs/model-store.md.\n");
			yaml.dump(toMap(descriptor), writer);
		}
	}

	static Map<String, Object> toMap(ModelDescriptor descriptor) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("version", descriptor.version());
		root.put("task", descriptor.task().id());
		root.put("format", descriptor.format().id());
		if (descriptor.architecture() != null) {
			Map<String, Object> architecture = new LinkedHashMap<>();
			architecture.put("name", descriptor.architecture().name());
			architecture.put("parameters", new LinkedHashMap<>(descriptor.architecture().parameters()));
			root.put("architecture", architecture);
		}
		List<Map<String, Object>> artifacts = new ArrayList<>();
		for (Artifact artifact : descriptor.artifacts()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", artifact.file());
			entry.put("sha256", artifact.sha256());
			artifacts.add(entry);
		}
		root.put("artifacts", artifacts);
		if (descriptor.input() != null) {
			InputSpec input = descriptor.input();
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("width", input.width());
			spec.put("height", input.height());
			spec.put("channels", input.channels());
			spec.put("scale", decimal(input.scale()));
			spec.put("mean", toList(input.mean()));
			spec.put("std", toList(input.std()));
			root.put("input", spec);
		}
		root.put("labels", new ArrayList<>(descriptor.labels()));
		root.put("parameters", new LinkedHashMap<>(descriptor.parameters()));
		root.put("provenance", new LinkedHashMap<>(descriptor.provenance()));
		return root;
	}

	// Float.toString keeps the short decimal form (0.286, not 0.28600001335144043).
	private static double decimal(float value) {
		return Double.parseDouble(Float.toString(value));
	}

	private static List<Double> toList(float[] values) {
		List<Double> list = new ArrayList<>();
		for (float value : values) {
			list.add(decimal(value));
		}
		return list;
	}

}
