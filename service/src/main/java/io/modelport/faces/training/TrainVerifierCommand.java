package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.CommandOptions;
import io.modelport.training.EpochResult;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingSettings;

/**
 * Command line that trains the shipped ORL face verifier and publishes it into the model
 * store, with {@code evaluation.json} and the test ROC curve ({@code roc.png}) beside it.
 * Run it through {@code java -jar service/target/modelport.jar train face-verifier} from
 * the repository root; the defaults are the shipped run.
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
 * --folds K (0: classic train/dev/test split; K: no dev split, epochs (at most --epochs) and τ by K-fold
 *   cross-validation over the non-test identities, then one network trained on all of them)
 * --cv-only true|false (false: with --folds, print the cross-validation and stop; no test figure, nothing published)
 * --cv-report FILE (with --folds: reuse the cross-validation JSON a --cv-only run of the same settings printed)
 * --outer-folds N (with --folds: repeat the whole cross-validated run over N disjoint test folds covering all
 *   identities, print each and mean ± sd; nothing published) --outer-only 0,2 (run only these test folds)
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
		Map<String, String> options = CommandOptions.parse(args);
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
		int folds = Integer.parseInt(options.getOrDefault("folds", "0"));
		FaceImages images = FaceImages.readFolders(data, MAX_PIXELS);
		FaceTraining.Request request = new FaceTraining.Request(name, architecture, settings, faces.withDefaults(),
				Integer.parseInt(options.getOrDefault("width", "46")),
				Integer.parseInt(options.getOrDefault("height", "56")),
				"io.modelport.faces.training.TrainVerifierCommand " + String.join(" ", args),
				"ORL faces (AT&T Laboratories Cambridge), one folder per subject, " + data.getFileName());
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		Path work = Files.createTempDirectory("modelport-verifier");
		FaceTraining.Result result;
		if (folds == 0) {
			result = FaceTraining.run(request, images, work, device, TrainVerifierCommand::print);
		}
		else if (options.containsKey("outer-folds")) {
			repeat(request, images, folds, options, work, device);
			return;
		}
		else if (Boolean.parseBoolean(options.getOrDefault("cv-only", "false"))) {
			crossValidate(request, images, folds, work, device);
			return;
		}
		else {
			// --cv-report: the JSON a --cv-only run of the same settings printed, not
			// repeated.
			FaceCrossValidation.Outcome done = options.containsKey("cv-report")
					? FaceCrossValidation.Outcome.fromMap(json.readValue(Path.of(options.get("cv-report")).toFile(),
							new TypeReference<Map<String, Object>>() {
							}))
					: null;
			result = CrossValidatedTraining.run(request, protocolFolds(request, images, folds), work, device,
					TrainVerifierCommand::print, TrainVerifierCommand::print, done);
		}
		publish(store, name, result, work);
	}

	private static IdentityFolds protocolFolds(FaceTraining.Request request, FaceImages images, int folds) {
		return IdentityFolds.protocol(images, request.faces().devShare(), request.faces().testShare(),
				request.settings().seed(), folds);
	}

	// Candidates are compared on these figures; the test identities are not touched.
	private static void crossValidate(FaceTraining.Request request, FaceImages images, int k, Path work, Device device)
			throws IOException {
		IdentityFolds folds = protocolFolds(request, images, k);
		FaceEmbedderNet net = FaceEmbedderNet.fromParameters(request.architectureParameters())
			.withMembers(request.faces().ensemble());
		FaceCrossValidation.Outcome outcome = FaceCrossValidation.run(net,
				new InputSpec(request.width(), request.height(), 1, 255f, null, null), request.settings(),
				request.faces(), folds, work, device, TrainVerifierCommand::print);
		System.out
			.println("Cross-validation (no test identity used): " + json.writeValueAsString(outcome.toMap(folds)));
		ModelPublisher.deleteRecursively(work);
	}

	private static void repeat(FaceTraining.Request request, FaceImages images, int k, Map<String, String> options,
			Path work, Device device) throws IOException {
		int outer = Integer.parseInt(options.get("outer-folds"));
		List<Integer> which = options.containsKey("outer-only")
				? Stream.of(options.get("outer-only").split(",")).map(String::strip).map(Integer::valueOf).toList()
				: IntStream.range(0, outer).boxed().toList();
		List<Map<String, Object>> runs = RepeatedSplits.run(request, images, outer, which, k, work, device,
				(line) -> System.out.println("test fold done: " + line));
		System.out.println("Repeated splits: " + json.writeValueAsString(runs));
		if (runs.size() > 1) {
			RepeatedSplits.summary(runs)
				.forEach((figure, meanSd) -> System.out.printf(Locale.ROOT,
						"%-14s mean %.4f  sd %.4f  (%d test folds)%n", figure, meanSd[0], meanSd[1], runs.size()));
		}
		ModelPublisher.deleteRecursively(work);
	}

	private static void print(EpochResult epoch) {
		System.out.printf(Locale.ROOT, "epoch %2d  loss %.4f  dev loss %.4f  dev accuracy %.4f  (%.1f s)%n",
				epoch.epoch(), epoch.trainLoss(), epoch.devLoss(), epoch.devAccuracy(), epoch.seconds());
	}

	private static void print(FaceCrossValidation.Progress progress) {
		System.out.printf(Locale.ROOT, "fold %d member %d  ", progress.fold(), progress.member());
		print(progress.epoch());
	}

	private static void publish(Path store, String name, FaceTraining.Result result, Path work) throws IOException {
		int version = ModelPublisher.nextVersion(store, name);
		ModelDescriptor published = ModelPublisher.publish(store, result.template(), result.parameters(), version,
				Map.of(ModelPublisher.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()),
						FaceTraining.ROC_FILE, result.roc()));
		ModelPublisher.deleteRecursively(work);
		Map<String, Object> e = result.evaluation();
		System.out.printf(
				"Test accuracy %s, AUC %s, EER %s, TAR@FAR1%% %s, threshold %s, dev accuracy %s, cv AUC %s; published %s%n",
				e.get("testAccuracy"), e.get("testAuc"), e.get("testEer"), e.get("testTarAtFar1"), e.get("threshold"),
				e.get("devAccuracy"), e.get("cvAuc"), published.directory());
	}

}
