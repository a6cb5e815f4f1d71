package io.modelport;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;
import io.modelport.detection.DecoderSettings;
import io.modelport.detection.Detection;
import io.modelport.detection.DetectionEvaluator;
import io.modelport.detection.DetectorTaskAdapter;
import io.modelport.detection.Letterbox;
import io.modelport.detection.NonMaxSuppression;
import io.modelport.detection.OutputDecoder;
import io.modelport.detection.RawOutput;
import io.modelport.detection.Scene;
import io.modelport.detection.training.DetectorTraining;
import io.modelport.detection.training.SceneGenerator;
import io.modelport.detection.training.SceneImages;
import io.modelport.faces.FaceVerifierTaskAdapter;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.seq2seq.Seq2SeqTaskAdapter;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;
import io.modelport.words.Word2VecTaskAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks the models shipped in the repository's {@code model-store/}: each loads, and the
 * accuracy written in the classifier's descriptor is what the serving path really
 * measures on the Fashion-MNIST test split (when the data set is installed; CI installs
 * it and sets {@code modelport.datasets.required=true} so the check cannot be skipped).
 *
 * @author Modelport Team
 */
@SlowTest
class ShippedModelsTests {

	private static final Path STORE = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	private final ModelLoader loader = new ModelLoader(
			List.of(new ClassifierTaskAdapter(), new DetectorTaskAdapter(), new FaceVerifierTaskAdapter(),
					new Word2VecTaskAdapter(), new Seq2SeqTaskAdapter()),
			RuntimeProperties.of("cpu", 1), new SimpleMeterRegistry());

	@Test
	void everyShippedModelLoads() {
		List<StoredModel> models = new ModelStore(STORE).scan();
		assertThat(models).extracting(StoredModel::name)
			.contains("fashion-mnist", "fashion-scenes", "orl-faces", "kjv-words");
		for (StoredModel model : models) {
			for (int version : model.versions().keySet()) {
				try (LoadedModel loaded = this.loader.load(model.descriptor(version))) {
					assertThat(loaded.descriptor().provenance()).containsKeys("trainedBy", "quality");
				}
			}
		}
	}

	@Test
	void fashionMnistAccuracyIsMeasuredAndMatchesItsDescriptor() throws Exception {
		StoredModel stored = new ModelStore(STORE).find("fashion-mnist").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		double claimed = ((Number) ((Map<?, ?>) descriptor.provenance().get("quality")).get("testAccuracy"))
			.doubleValue();
		assertThat(claimed).isGreaterThanOrEqualTo(0.91);
		boolean required = Boolean.getBoolean("modelport.datasets.required");
		Assumptions.assumeTrue(required || Files.isDirectory(FashionMnist.DEBIAN_LOCATION),
				"Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipping the re-measurement");
		ImageSet test = FashionMnist.test(FashionMnist.DEBIAN_LOCATION, 0);
		int correct = 0;
		try (LoadedModel model = this.loader.load(descriptor)) {
			for (int i = 0; i < test.count(); i++) {
				float[] probabilities = model.predict(ImagePreprocessor.toTensor(test.toImage(i), descriptor.input()));
				correct += (argMax(probabilities) == test.labels()[i]) ? 1 : 0;
			}
		}
		assertThat((double) correct / test.count()).isCloseTo(claimed, within(0.0015));
	}

	@Test
	void detectorMapIsMeasuredAndMatchesItsDescriptor() throws Exception {
		StoredModel stored = new ModelStore(STORE).find("fashion-scenes").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		Map<?, ?> quality = (Map<?, ?>) descriptor.provenance().get("quality");
		double claimed = ((Number) quality.get("testMap50")).doubleValue();
		boolean required = Boolean.getBoolean("modelport.datasets.required");
		Assumptions.assumeTrue(required || Files.isDirectory(FashionMnist.DEBIAN_LOCATION),
				"Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipping the re-measurement");
		// The same held-out scenes the training run built: its seed, its size, its count.
		long seed = ((Number) ((Map<?, ?>) descriptor.provenance().get("settings")).get("seed")).longValue();
		int size = descriptor.input().width();
		List<Scene> scenes = new SceneGenerator(FashionMnist.test(FashionMnist.DEBIAN_LOCATION, 0),
				DetectorTraining.sceneSettings(size), seed + DetectorTraining.TEST_SEED_OFFSET)
			.generate(((Number) quality.get("testScenes")).intValue());
		DecoderSettings decoder = DecoderSettings.fromParameters(descriptor.parameters())
			.withOverrides(0.001f, null, 100);
		List<List<Detection>> predictions = new ArrayList<>();
		try (LoadedModel model = this.loader.load(descriptor)) {
			for (Scene scene : scenes) {
				BufferedImage image = SceneImages.toImage(scene);
				Letterbox letterbox = Letterbox.of(size, size, size, size);
				RawOutput output = model.predict(letterbox.tensor(image, descriptor.input(), 0));
				predictions.add(NonMaxSuppression.apply(
						OutputDecoder.decode(output, decoder, descriptor.labels().size(), size, size),
						decoder.scoreThreshold(), decoder.iouThreshold(), true, decoder.maxDetections()));
			}
		}
		double measured = DetectionEvaluator
			.evaluate(predictions, scenes.stream().map(Scene::objects).toList(), descriptor.labels().size())
			.map50();
		assertThat(measured).isCloseTo(claimed, within(0.003));
	}

	private static int argMax(float[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			best = (values[i] > values[best]) ? i : best;
		}
		return best;
	}

}
