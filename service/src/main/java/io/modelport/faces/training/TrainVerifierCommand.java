package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.store.ModelDescriptor;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainClassifierCommand;
import io.modelport.training.TrainedClassifier;
import io.modelport.training.TrainingSettings;

/**
 * Command line that trains the shipped ORL face verifier and publishes it into the model
 * store, with {@code evaluation.json} and the test ROC curve ({@code roc.png}) beside it.
 * Run it through {@code ./mvnw -pl service exec:java@train-verifier} from the repository
 * root; the defaults are the shipped run.
 *
 * <pre>
 * --data DIR (../shared/datasets/orl-faces) --store DIR (model-store) --model NAME (orl-faces)
 * --width N (46) --height N (56)
 * --epochs N (15) --lr X (0.002) --decay X (0.95) --weight-decay X (0.0001) --seed N (7)
 * --filters 32,64,128 --convs-per-stage N (2) --pooling flatten|average --dropout X (0.2) --embedding-size N (64)
 * --standardize true|false (false: each face standardised over its own pixels inside the network)
 * --flip-average true|false (false: each member also embeds the mirror image, averaged)
 * --margin X (0.2) --mining batch-hard|semi-hard --p N (9) --k N (4)
 * --threshold-rule max-accuracy|far --target-far X (0.01)
 * --dev-share X (0.2) --test-share X (0.2) --flip true|false (true) --max-shift N (3) --jitter X (0.1)
 * --steps N (batches per epoch, default max(20, images / (P × K)))
 * --rotation DEGREES (0) --scale X (0) --ensemble N (1: networks trained with seeds seed, seed + 1, ... and served as one)
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainVerifierCommand {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	// ORL images are 92 × 112; the limit only guards against a wrong folder.
	private static final long MAX_PIXELS = 4096L * 4096;

	private TrainVerifierCommand() {
	}

	/**
	 * Trains, evaluates and publishes a verifier.
	 * @param args {@code --option value} pairs, see the class description
	 * @throws IOException when the faces cannot be read or the model cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Map<String, String> options = TrainClassifierCommand.parse(args);
		Path data = Path.of(options.getOrDefault("data", "../shared/datasets/orl-faces"));
		Path store = Path.of(options.getOrDefault("store", "model-store"));
		String name = options.getOrDefault("model", "orl-faces");
		TrainingSettings settings = new TrainingSettings(Integer.parseInt(options.getOrDefault("epochs", "15")), null,
				new OptimizerSettings("adam", Double.parseDouble(options.getOrDefault("lr", "0.002")), null, null, null,
						null),
				new ScheduleSettings("exponential", Double.parseDouble(options.getOrDefault("decay", "0.95")), null),
				Double.parseDouble(options.getOrDefault("weight-decay", "0.0001")), 0.0, 0, null, null,
				Boolean.parseBoolean(options.getOrDefault("flip", "true")),
				Integer.parseInt(options.getOrDefault("max-shift", "3")),
				Long.parseLong(options.getOrDefault("seed", "7")))
			.withDefaults();
		FaceSettings faces = new FaceSettings(Double.parseDouble(options.getOrDefault("margin", "0.2")),
				options.getOrDefault("mining", "batch-hard"), Integer.parseInt(options.getOrDefault("p", "9")),
				Integer.parseInt(options.getOrDefault("k", "4")),
				options.getOrDefault("threshold-rule", "max-accuracy"),
				Double.parseDouble(options.getOrDefault("target-far", "0.01")),
				Double.parseDouble(options.getOrDefault("dev-share", "0.2")),
				Double.parseDouble(options.getOrDefault("test-share", "0.2")),
				Double.parseDouble(options.getOrDefault("jitter", "0.1")),
				options.containsKey("steps") ? Integer.valueOf(options.get("steps")) : null,
				Double.parseDouble(options.getOrDefault("rotation", "0")),
				Double.parseDouble(options.getOrDefault("scale", "0")),
				Integer.parseInt(options.getOrDefault("ensemble", "1")));
		if (!faces.errors().isEmpty()) {
			throw new IllegalArgumentException("invalid face settings: " + faces.errors());
		}
		Map<String, Object> architecture = new LinkedHashMap<>();
		architecture.put("filters",
				List.of(options.getOrDefault("filters", "32,64,128").split(","))
					.stream()
					.map(String::strip)
					.map(Integer::parseInt)
					.toList());
		architecture.put("convsPerStage", Integer.parseInt(options.getOrDefault("convs-per-stage", "2")));
		architecture.put("pooling", options.getOrDefault("pooling", "flatten"));
		architecture.put("dropout", Double.parseDouble(options.getOrDefault("dropout", "0.2")));
		architecture.put("embeddingSize", Integer.parseInt(options.getOrDefault("embedding-size", "64")));
		if (Boolean.parseBoolean(options.getOrDefault("standardize", "false"))) {
			architecture.put("standardize", true);
		}
		if (Boolean.parseBoolean(options.getOrDefault("flip-average", "false"))) {
			architecture.put("flipAverage", true);
		}
		FaceImages images = FaceImages.readFolders(data, MAX_PIXELS);
		FaceTraining.Request request = new FaceTraining.Request(name, architecture, settings, faces.withDefaults(),
				Integer.parseInt(options.getOrDefault("width", "46")),
				Integer.parseInt(options.getOrDefault("height", "56")),
				"io.modelport.faces.training.TrainVerifierCommand " + String.join(" ", args),
				"ORL faces (AT&T Laboratories Cambridge), one folder per subject, " + data.getFileName());
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		Path work = Files.createTempDirectory("modelport-verifier");
		FaceTraining.Result result = FaceTraining.run(request, images, work, device,
				(epoch) -> System.out.printf("epoch %2d  loss %.4f  dev loss %.4f  dev accuracy %.4f  (%.1f s)%n",
						epoch.epoch(), epoch.trainLoss(), epoch.devLoss(), epoch.devAccuracy(), epoch.seconds()));
		int version = ModelPublisher.nextVersion(store, name);
		ModelDescriptor published = ModelPublisher.publish(store, result.template(), result.parameters(), version,
				Map.of(TrainedClassifier.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()),
						FaceTraining.ROC_FILE, result.roc()));
		ModelPublisher.deleteRecursively(work);
		Map<String, Object> e = result.evaluation();
		System.out.printf(
				"Test accuracy %s, AUC %s, EER %s, TAR@FAR1%% %s, threshold %s, dev accuracy %s; published %s%n",
				e.get("testAccuracy"), e.get("testAuc"), e.get("testEer"), e.get("testTarAtFar1"), e.get("threshold"),
				e.get("devAccuracy"), published.directory());
	}

}
