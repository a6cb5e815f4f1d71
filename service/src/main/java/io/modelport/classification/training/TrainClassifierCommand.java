package io.modelport.classification.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.classification.InputStatistics;
import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.CommandOptions;
import io.modelport.training.DataSplits;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingReport;
import io.modelport.training.TrainingSettings;

/**
 * Command line that trains the shipped Fashion-MNIST classifier and publishes it into the
 * model store, and exports sample PNGs from the test split. Run it through
 * {@code java -jar service/target/modelport.jar train classifier} (see the model card,
 * model-store/fashion-mnist/README.md).
 *
 * <pre>
 * --data DIR        IDX files (default /usr/share/datasets/fashion-mnist)
 * --store DIR       model store (default model-store)
 * --model NAME      model name (default fashion-mnist)
 * --epochs N --batch-size N --lr X --decay X --weight-decay X --seed N --dev-fraction X
 * --filters 32,64 --convs-per-stage N --dense N --dropout X --flip true|false --max-shift N
 * --train-limit N --test-limit N   use a subset (for small test fixtures)
 * --samples DIR     also write one test PNG per class into DIR
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainClassifierCommand {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TrainClassifierCommand() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = parse(args);
		Path data = Path.of(options.getOrDefault("data", FashionMnist.DEBIAN_LOCATION.toString()));
		Path store = Path.of(options.getOrDefault("store", "model-store"));
		String name = options.getOrDefault("model", "fashion-mnist");
		ConvClassifier architecture = new ConvClassifier(ints(options.getOrDefault("filters", "32,64")),
				Integer.parseInt(options.getOrDefault("convs-per-stage", "1")),
				Integer.parseInt(options.getOrDefault("dense", "128")),
				Double.parseDouble(options.getOrDefault("dropout", "0.3")), FashionMnist.LABELS.size());
		TrainingSettings settings = new TrainingSettings(Integer.parseInt(options.getOrDefault("epochs", "14")),
				Integer.parseInt(options.getOrDefault("batch-size", "128")),
				new OptimizerSettings("adam", Double.parseDouble(options.getOrDefault("lr", "0.001")), null, null, null,
						null),
				new ScheduleSettings("exponential", Double.parseDouble(options.getOrDefault("decay", "0.85")), null),
				Double.parseDouble(options.getOrDefault("weight-decay", "0.0001")), 0.0, 0,
				Double.parseDouble(options.getOrDefault("dev-fraction", "0.0833")), 0.1,
				Boolean.parseBoolean(options.getOrDefault("flip", "true")),
				Integer.parseInt(options.getOrDefault("max-shift", "0")),
				Long.parseLong(options.getOrDefault("seed", "42")))
			.withDefaults();
		ImageSet train = FashionMnist.train(data, Integer.parseInt(options.getOrDefault("train-limit", "0")));
		ImageSet test = FashionMnist.test(data, Integer.parseInt(options.getOrDefault("test-limit", "0")));
		if (options.containsKey("samples")) {
			exportSamples(test, Path.of(options.get("samples")));
		}
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		System.out.printf("Training %s on %d images (%s), %s%n", name, train.count(), device, settings);
		Path work = Files.createTempDirectory("modelport-train");
		TrainingReport report = new ClassifierTrainer(architecture, settings, device).train(
				DataSplits.of(train, test, settings), work,
				(epoch) -> System.out.printf("epoch %2d  loss %.4f  dev loss %.4f  dev accuracy %.4f  (%.1f s)%n",
						epoch.epoch(), epoch.trainLoss(), epoch.devLoss(), epoch.devAccuracy(), epoch.seconds()));
		int version = ModelPublisher.nextVersion(store, name);
		ModelDescriptor template = TrainedClassifier.descriptor(name, version, architecture, settings, report,
				FashionMnist.LABELS,
				"io.modelport.classification.training.TrainClassifierCommand " + String.join(" ", args),
				"Fashion-MNIST (Debian dataset-fashion-mnist)", InputStatistics.of(train));
		ModelDescriptor published = ModelPublisher.publish(store, template, report.parameters(), version,
				Map.of(TrainedClassifier.EVALUATION_FILE,
						json.writeValueAsBytes(TrainedClassifier.evaluation(report, FashionMnist.LABELS))));
		ModelPublisher.deleteRecursively(work);
		System.out.printf("Test accuracy %.4f, macro F1 %.4f on %d images; published %s%n", report.test().accuracy(),
				report.test().macroF1(), test.count(), published.directory());
	}

	private static void exportSamples(ImageSet test, Path folder) throws IOException {
		Files.createDirectories(folder);
		boolean[] done = new boolean[FashionMnist.LABELS.size()];
		for (int i = 0; i < test.count(); i++) {
			int label = test.labels()[i];
			if (done[label]) {
				continue;
			}
			done[label] = true;
			String file = FashionMnist.LABELS.get(label).toLowerCase().replaceAll("[^a-z]+", "-") + ".png";
			ImageIO.write(test.toImage(i), "png", folder.resolve(file).toFile());
		}
	}

	private static List<Integer> ints(String csv) {
		return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
	}

	/**
	 * Reads {@code --option value} pairs.
	 * @param args the program arguments
	 * @return the options by name
	 */
	public static Map<String, String> parse(String[] args) {
		return CommandOptions.parse(args);
	}

}
