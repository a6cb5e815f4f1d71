package io.modelport.benchmarks.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;

/**
 * The benchmark's two TorchScript models, written once into a folder and served by both
 * servers from the same files: {@code cnn} (the shipped fashion-mnist network with its
 * weights, 1×28×28) and {@code resnet18} (3×224×224, random weights). The folder also
 * holds a Modelport store ({@code store/}), the peer's JSON configuration and the images
 * the load generator sends.
 *
 * @author Modelport Team
 */
final class PeerModels {

	static final List<String> NAMES = List.of("cnn", "resnet18");

	private final Path folder;

	private PeerModels(Path folder) {
		this.folder = folder;
	}

	/**
	 * Writes the models unless the folder already has them.
	 * @param folder where
	 * @param python the Python interpreter with torch
	 * @return the models
	 * @throws Exception when the export fails
	 */
	static PeerModels prepare(Path folder, String python) throws Exception {
		PeerModels models = new PeerModels(folder);
		if (Files.isRegularFile(folder.resolve("resnet18.pt")) && Files.isRegularFile(folder.resolve("cnn.pt"))) {
			return models;
		}
		Files.createDirectories(folder);
		exportShippedWeights(folder.resolve("weights"));
		Process export = new ProcessBuilder(python, "benchmarks/peer/export_models.py", folder.toString()).inheritIO()
			.start();
		if (!export.waitFor(10, TimeUnit.MINUTES) || export.exitValue() != 0) {
			throw new IllegalStateException("benchmarks/peer/export_models.py failed");
		}
		Files.copy(Path.of("service/src/test/resources/images/fashion-mnist/bag.png"), folder.resolve("cnn.png"));
		models.writeStore();
		models.writePeerConfig();
		return models;
	}

	Path folder() {
		return this.folder;
	}

	Path store() {
		return this.folder.resolve("store");
	}

	Path peerConfig() {
		return this.folder.resolve("peer.json");
	}

	byte[] image(String model) throws IOException {
		return Files.readAllBytes(this.folder.resolve(model + ".png"));
	}

	static InputSpec input(String model) {
		return model.equals("cnn")
				? new InputSpec(28, 28, 1, 255f, new float[] { 0.2858818f }, new float[] { 0.35286593f })
				: new InputSpec(224, 224, 3, 255f, new float[] { 0.485f, 0.456f, 0.406f },
						new float[] { 0.229f, 0.224f, 0.225f });
	}

	static List<String> labels(String model) {
		return model.equals("cnn") ? List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
				"Sneaker", "Bag", "Ankle boot") : IntStream.range(0, 1000).mapToObj((i) -> "class-" + i).toList();
	}

	// The parameters of the shipped fashion-mnist in block order, one raw little-endian
	// float32 file each; export_models.py copies them into the same PyTorch layers.
	private static void exportShippedWeights(Path weights) throws Exception {
		ModelDescriptor descriptor = new ModelStore(Path.of("model-store")).find("fashion-mnist")
			.orElseThrow()
			.descriptor(2);
		Files.createDirectories(weights);
		try (Model model = Model.newInstance("shipped", Device.cpu(), "PyTorch")) {
			model.setBlock(ArchitectureCatalog.build(descriptor.architecture()));
			String file = descriptor.weights().file();
			model.load(descriptor.directory(), file.substring(0, file.lastIndexOf('-')));
			int index = 0;
			for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
				float[] values = parameter.getValue().getArray().toFloatArray();
				ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
				buffer.asFloatBuffer().put(values);
				Files.write(weights.resolve(String.format(Locale.ROOT, "%03d.bin", index++)), buffer.array());
			}
		}
	}

	private void writeStore() throws IOException {
		for (String name : NAMES) {
			Path version = Files.createDirectories(store().resolve(name).resolve("1"));
			Files.copy(this.folder.resolve(name + ".pt"), version.resolve(name + ".pt"));
			InputSpec input = input(name);
			Files.writeString(store().resolve(name).resolve("model.yaml"), "required: true\ndefaultVersion: 1\n");
			Files.writeString(version.resolve("descriptor.yaml"), String.format(Locale.ROOT, """
					version: 1
					task: classifier
					format: torchscript
					artifacts:
					- file: %s.pt
					input:
					  width: %d
					  height: %d
					  channels: %d
					  scale: 255.0
					  mean: %s
					  std: %s
					labels: %s
					parameters:
					  applySoftmax: true
					  topK: 5
					""", name, input.width(), input.height(), input.channels(), list(input.mean()), list(input.std()),
					labels(name).stream().map((l) -> "'" + l + "'").collect(Collectors.joining(", ", "[", "]"))));
		}
	}

	private void writePeerConfig() throws IOException {
		List<String> entries = new ArrayList<>();
		for (String name : NAMES) {
			InputSpec input = input(name);
			entries.add(String.format(Locale.ROOT,
					"\"%s\": {\"file\": \"%s\", \"width\": %d, \"height\": %d, \"channels\": %d, \"mean\": %s,"
							+ " \"std\": %s, \"labels\": %s}",
					name, this.folder.resolve(name + ".pt").toAbsolutePath(), input.width(), input.height(),
					input.channels(), list(input.mean()), list(input.std()),
					labels(name).stream().map((l) -> "\"" + l + "\"").collect(Collectors.joining(", ", "[", "]"))));
		}
		Files.writeString(peerConfig(), "{\"models\": {" + String.join(", ", entries) + "}}\n");
	}

	private static String list(float[] values) {
		List<String> parts = new ArrayList<>();
		for (float value : values) {
			parts.add(Float.toString(value));
		}
		return "[" + String.join(", ", parts) + "]";
	}

}
