package io.modelport.classification.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.Fixtures;
import io.modelport.datasets.ImageSet;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.Architecture;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.Checkpoint;
import io.modelport.training.DataSplits;
import io.modelport.training.EpochResult;
import io.modelport.training.Evaluation;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingReport;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
		TrainingSettings settings = settings(3, "adam", 0.01, 0);
		List<EpochResult> seen = new ArrayList<>();
		TrainingReport report = new ClassifierTrainer(architecture, settings, Device.cpu()).train(
				DataSplits.of(shapes(900, new Random(1)), shapes(300, new Random(2)), settings.withDefaults()),
				this.dir.resolve("work"), seen::add);
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
		ModelDescriptor published = ModelPublisher.publish(store, template, report.parameters(), 1,
				Map.of("evaluation.json", new byte[] { '{', '}' }));
		assertThat(published.directory().resolve("evaluation.json")).exists();
		assertThat(published.directory()).isEqualTo(store.resolve("shapes/1"));
		assertThat(ModelPublisher.nextVersion(store, "shapes")).isEqualTo(2);
		ModelDescriptor reread = DescriptorParser.parse("shapes", 1, published.directory());
		assertThat(reread.weights().sha256())
			.isEqualTo(Checksums.sha256(published.directory().resolve(reread.weights().file())));
		assertThat(reread.input()).isEqualTo(report.input());
		assertThat(store.resolve("shapes")).isDirectoryNotContaining("glob:**/.staging-*");
	}

	@Test
	void resumesFromItsCheckpointAndStopsEarly() throws IOException {
		ConvClassifier architecture = new ConvClassifier(List.of(4), 1, 8, 0.0, 3);
		ImageSet train = shapes(600, new Random(5));
		TrainingSettings two = settings(2, "momentum", 0.05, 0);
		Path work = this.dir.resolve("work");
		List<EpochResult> first = new ArrayList<>();
		new ClassifierTrainer(architecture, two, Device.cpu()).train(DataSplits.of(train, null, two.withDefaults()),
				work, first::add);
		assertThat(Checkpoint.read(work).epoch()).isEqualTo(2);

		TrainingSettings four = settings(4, "momentum", 0.05, 0);
		List<EpochResult> resumed = new ArrayList<>();
		TrainingReport report = new ClassifierTrainer(architecture, four, Device.cpu())
			.train(DataSplits.of(train, null, four.withDefaults()), work, resumed::add);
		// The checkpoint's epochs are reported again first (a crash may have come between
		// a checkpoint and its report), then the new ones.
		assertThat(resumed).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
		assertThat(resumed.subList(0, 2)).isEqualTo(first);
		// Epoch 3 trains the checkpoint's weights, not the fresh ones the trainer was
		// initialised with: its loss goes on from epoch 2's instead of starting over.
		assertThat(resumed.get(2).trainLoss()).isLessThan(first.get(0).trainLoss())
			.isLessThan(first.get(1).trainLoss() * 1.5);
		assertThat(report.history()).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
		assertThat(report.history().subList(0, 2)).isEqualTo(first);

		TrainingSettings patient = settings(40, "sgd", 0.001, 2);
		List<EpochResult> stopped = new ArrayList<>();
		TrainingReport early = new ClassifierTrainer(architecture, patient, Device.cpu())
			.train(DataSplits.of(train, null, patient.withDefaults()), this.dir.resolve("still"), stopped::add);
		// Training stops exactly `patience` epochs after the best dev accuracy.
		assertThat(stopped.size()).isLessThan(40);
		assertThat(stopped.get(stopped.size() - 1).epoch()).isEqualTo(early.bestEpoch() + 2);
	}

	@Test
	void schedulesDecayAsSpecified() {
		assertThat(new ScheduleSettings("inverse-time", 1.0, null).rate(0.2, 1)).isEqualTo(0.1);
		assertThat(new ScheduleSettings("inverse-time", 1.0, null).rate(0.2, 2)).isCloseTo(0.0667, within(1e-4));
		assertThat(new ScheduleSettings("exponential", 0.5, null).rate(1, 3)).isEqualTo(0.125);
		assertThat(new ScheduleSettings("step", 0.5, 10).rate(1, 19.5)).isEqualTo(0.5);
		assertThat(new ScheduleSettings(null, null, null).rate(0.3, 7)).isEqualTo(0.3);
	}

	@Test
	void rocAucCountsOrderedPairs() {
		assertThat(Evaluation.rocAuc(new double[] { 0.1, 0.4, 0.35, 0.8 }, new int[] { 0, 0, 1, 1 })).isEqualTo(0.75);
		assertThat(Evaluation.rocAuc(new double[] { 0.5, 0.5 }, new int[] { 0, 1 })).isEqualTo(0.5);
		assertThat(Evaluation.rocAuc(new double[] { 0.5 }, new int[] { 1 })).isNaN();
	}

	static TrainingSettings settings(int epochs, String optimizer, double rate, int patience) {
		return new TrainingSettings(epochs, 32, new OptimizerSettings(optimizer, rate, null, null, null, null), null,
				null, 1.0, patience, 0.15, 0.15, true, 1, 7L);
	}

	static ImageSet shapes(int count, Random random) {
		return Fixtures.shapes(count, random);
	}

}
