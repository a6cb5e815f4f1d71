package io.modelport.detection.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.LabelledImages;
import io.modelport.detection.Scene;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.CommandOptions;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingSettings;

/**
 * Command line that trains the shipped Fashion-MNIST scene detector and publishes it into
 * the model store. Run it through
 * {@code java -jar service/target/modelport.jar train detector}.
 *
 * <pre>
 * --data DIR --store DIR --model NAME (default fashion-scenes)
 * --size N (64) --train-scenes N (6000 per epoch) --test-scenes N (1000)
 * --epochs N (28) --batch-size N (32) --lr X (0.002) --decay X (0.9) --seed N (42)
 * --filters 32,64,128 --head-filters N (256) --anchors N (3)
 * --samples DIR   also write a few test scenes as PNG into DIR
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainDetectorCommand {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TrainDetectorCommand() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = CommandOptions.parse(args);
		Path data = Path.of(options.getOrDefault("data", FashionMnist.DEBIAN_LOCATION.toString()));
		Path store = Path.of(options.getOrDefault("store", "model-store"));
		String name = options.getOrDefault("model", "fashion-scenes");
		TrainingSettings settings = new TrainingSettings(Integer.parseInt(options.getOrDefault("epochs", "28")),
				Integer.parseInt(options.getOrDefault("batch-size", "32")),
				new OptimizerSettings("adam", Double.parseDouble(options.getOrDefault("lr", "0.002")), null, null, null,
						null),
				new ScheduleSettings("exponential", Double.parseDouble(options.getOrDefault("decay", "0.9")), null),
				0.0001, 0.0, 0, 0.1, 0.1, false, 0, Long.parseLong(options.getOrDefault("seed", "42")))
			.withDefaults();
		LabelledImages items = new LabelledImages(FashionMnist.train(data, 0), FashionMnist.test(data, 0),
				FashionMnist.LABELS);
		int size = Integer.parseInt(options.getOrDefault("size", "64"));
		if (options.containsKey("samples")) {
			Path folder = Files.createDirectories(Path.of(options.get("samples")));
			List<Scene> samples = new SceneGenerator(items.test(), size, 7).generate(4);
			for (int i = 0; i < samples.size(); i++) {
				ImageIO.write(SceneImages.toImage(samples.get(i)), "png",
						folder.resolve("scene-" + i + ".png").toFile());
			}
		}
		Map<String, Object> architecture = Map.of("filters",
				List.of(options.getOrDefault("filters", "32,64,128").split(","))
					.stream()
					.map(String::strip)
					.map(Integer::parseInt)
					.toList(),
				"headFilters", Integer.parseInt(options.getOrDefault("head-filters", "256")), "anchors",
				Integer.parseInt(options.getOrDefault("anchors", "3")));
		DetectorTraining.Request request = new DetectorTraining.Request(name, architecture, settings, size,
				Integer.parseInt(options.getOrDefault("train-scenes", "6000")),
				Integer.parseInt(options.getOrDefault("test-scenes", "1000")),
				"io.modelport.detection.training.TrainDetectorCommand " + String.join(" ", args),
				"scenes composed from Fashion-MNIST items (Debian dataset-fashion-mnist)");
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		Path work = Files.createTempDirectory("modelport-detector");
		DetectorTraining.Result result = DetectorTraining.run(request, items, work, device,
				(epoch) -> System.out.printf("epoch %2d  loss %.4f  dev loss %.4f  (%.1f s, %.0f scenes/s)%n",
						epoch.epoch(), epoch.trainLoss(), epoch.devLoss(), epoch.seconds(), epoch.samplesPerSecond()));
		int version = ModelPublisher.nextVersion(store, name);
		ModelDescriptor published = ModelPublisher.publish(store, result.template(), result.parameters(), version,
				Map.of(ModelPublisher.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation())));
		ModelPublisher.deleteRecursively(work);
		System.out.printf("Test mAP@0.5 %s, mAP@0.5:0.95 %s, precision %s, recall %s; published %s%n",
				result.evaluation().get("testMap50"), result.evaluation().get("testMap5095"),
				result.evaluation().get("testPrecision"), result.evaluation().get("testRecall"), published.directory());
	}

}
