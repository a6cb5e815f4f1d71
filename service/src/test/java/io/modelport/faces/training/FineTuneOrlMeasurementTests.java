package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import ai.djl.Device;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.modelport.SlowTest;
import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.training.InitFrom;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured ORL fine-tune of docs/faces.md ("Fine-tuning"), run only when asked
 * ({@code -Dmodelport.finetune.measure=true}, several minutes of CPU). The protocol was
 * fixed before the first run: the 30 ORL identities split by the job's own identity split
 * (seed 42, 20% dev, 20% test: 18 training, 6 dev, 6 test identities); the shipped
 * face-api/1 fine-tuned with the job defaults (freeze all-but-last, Adam at 1e-4,
 * batch-hard triplets, margin 0.2, P = 8, K = 4) for 5 epochs with flips, and with
 * {@code freeze: conv128} alike; before and after measured on every pair of the 6 test
 * identities, each at its own τ calibrated on the dev identities. It prints the table.
 *
 * @author Modelport Team
 */
@SlowTest
class FineTuneOrlMeasurementTests {

	@Test
	void measuresFineTuningOnOrl() throws IOException {
		Path orl = OrlFacesTests.location();
		Assumptions.assumeTrue(Boolean.getBoolean("modelport.finetune.measure") && Files.isDirectory(orl),
				"set -Dmodelport.finetune.measure=true with the ORL faces installed to measure");
		Dataset dataset = new Dataset("orl-faces", DatasetKind.IMAGE_FOLDERS, Dataset.BUILT_IN, orl, Map.of(),
				Instant.now());
		TrainingSettings settings = new TrainingSettings(5, null, null, null, null, null, null, null, null, true, null,
				42L);
		System.out.println("MEASURE load before: " + Files.readString(Path.of("/proc/loadavg")).strip());
		System.out.printf(Locale.ROOT, "MEASURE %-14s %-7s %8s %8s %10s %9s %8s %8s%n", "freeze", "network", "AUC",
				"EER", "TAR@1e-3", "acc@tau", "tau", "seconds");
		for (String freeze : new String[] { "all-but-last", "conv128" }) {
			long started = System.nanoTime();
			Path work = Files.createTempDirectory("orl-fine-tune");
			TrainedModel trained = new FaceTrainingTask().train(
					new TaskRun("orl", "orl-tuned", Map.of(), settings, dataset, 0, 0, 0, 0, FaceSettings.unset(), work,
							new InitFrom("face-api", 1, freeze),
							Path.of(System.getProperty("modelport.repository", ".."), "model-store", "face-api", "1")),
					Device.cpu(), (epoch) -> System.out.println("MEASURE epoch " + epoch));
			double seconds = (System.nanoTime() - started) / 1e9;
			Map<?, ?> fineTune = (Map<?, ?>) ((FineTuneReport) trained.evaluation()).figures().get("fineTune");
			for (String side : new String[] { "before", "after" }) {
				Map<?, ?> f = (Map<?, ?>) fineTune.get(side);
				System.out.printf(Locale.ROOT, "MEASURE %-14s %-7s %8.4f %8.4f %10.4f %9.4f %8.4f %8.0f%n", freeze,
						side, f.get("testAuc"), f.get("testEer"), f.get("testTarAtFar1e-3"), f.get("testAccuracy"),
						f.get("threshold"), seconds);
			}
			System.out.println("MEASURE pairs " + fineTune.get("testPairs") + ", identities "
					+ ((FineTuneReport) trained.evaluation()).figures().get("identities"));
			assertThat(fineTune.get("testIdentities")).isEqualTo(6);
		}
		System.out.println("MEASURE load after: " + Files.readString(Path.of("/proc/loadavg")).strip());
	}

}
