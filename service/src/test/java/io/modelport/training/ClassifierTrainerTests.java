package io.modelport.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.Architecture;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trains a tiny classifier for real on synthetic shapes, then publishes it.
 *
 * @author Modelport Team
 */
class ClassifierTrainerTests {

	@TempDir
	Path dir;

	@Test
	void learnsSeparableShapesAndPublishesTheBestEpoch() throws IOException {
		ConvClassifier architecture = new ConvClassifier(List.of(4, 8), 1, 16, 0.1, 3);
		TrainingSettings settings = new TrainingSettings(3, 32, 0.01f, 0.9f, 0f, 150, false, 0, 7);
		List<EpochResult> seen = new ArrayList<>();
		TrainingReport report = new ClassifierTrainer(architecture, settings, Device.cpu())
			.train(shapes(900, new Random(1)), shapes(300, new Random(2)), this.dir.resolve("work"), seen::add);
		assertThat(seen).hasSize(3);
		assertThat(report.history()).isEqualTo(seen);
		assertThat(report.bestDevAccuracy()).isGreaterThan(0.9);
		assertThat(report.test().accuracy()).isGreaterThan(0.9);
		assertThat(report.parameters()).exists();
		assertThat(report.input().mean()[0]).isBetween(0.05f, 0.5f);

		ModelDescriptor template = new ModelDescriptor("shapes", 1, Task.CLASSIFIER, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.CONV_CLASSIFIER, architecture.toParameters()),
				List.of(new io.modelport.store.Artifact("x.params", null)), report.input(), List.of("a", "b", "c"),
				Map.of(), Map.of("quality", Map.of("testAccuracy", report.test().accuracy())), this.dir);
		Path store = this.dir.resolve("store");
		ModelDescriptor published = ModelPublisher.publish(store, template, report.parameters());
		assertThat(published.directory()).isEqualTo(store.resolve("shapes/1"));
		assertThat(ModelPublisher.nextVersion(store, "shapes")).isEqualTo(2);
		ModelDescriptor reread = DescriptorParser.parse("shapes", 1, published.directory());
		assertThat(reread.weights().sha256())
			.isEqualTo(Checksums.sha256(published.directory().resolve(reread.weights().file())));
		assertThat(reread.input()).isEqualTo(report.input());
		assertThat(store.resolve("shapes")).isDirectoryNotContaining("glob:**/.staging-*");
	}

	/**
	 * 28×28 images of three noisy classes: a block top-left, a block bottom-right, a
	 * horizontal bar.
	 */
	static ImageSet shapes(int count, Random random) {
		byte[] pixels = new byte[count * 28 * 28];
		int[] labels = new int[count];
		for (int i = 0; i < count; i++) {
			int label = i % 3;
			labels[i] = label;
			for (int r = 0; r < 28; r++) {
				for (int c = 0; c < 28; c++) {
					boolean on = switch (label) {
						case 0 -> r < 12 && c < 12;
						case 1 -> r >= 16 && c >= 16;
						default -> r >= 12 && r < 16;
					};
					int value = (on ? 200 : 0) + random.nextInt(40);
					pixels[(i * 28 + r) * 28 + c] = (byte) value;
				}
			}
		}
		return new ImageSet(count, 28, 28, pixels, labels);
	}

}
