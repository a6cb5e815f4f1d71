package io.modelport.faces.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.nn.FaceRecognitionResNet;
import io.modelport.store.Artifact;
import io.modelport.training.EpochResult;
import io.modelport.training.InitFrom;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fine-tuning the shipped face-api network for one short epoch on a few generated
 * identities: the frozen stages keep the stored weights exactly, the trained ones move,
 * and the report and the version template carry the before and after figures, the
 * recalibrated τ, the landmark network and the parent.
 *
 * @author Modelport Team
 */
class FineTuningTests {

	private static final Path SHIPPED = Path.of("..", "model-store", "face-api", "1");

	@TempDir
	Path folder;

	@Test
	void everyParameterOfTheNetworkBelongsToOneStage() {
		FaceRecognitionResNet net = new FaceRecognitionResNet();
		List<String> stages = new ArrayList<>();
		for (Pair<String, Parameter> parameter : net.getParameters()) {
			stages.add(FaceFreeze.stage(parameter.getValue().getName()));
		}
		assertThat(stages).containsOnly(FaceFreeze.STAGES.toArray(String[]::new));
		assertThat(stages.stream().filter("stem"::equals)).hasSize(4);
		assertThat(stages.stream().filter("fc"::equals)).hasSize(1);
		assertThat(FaceFreeze.of(null).trainedStages()).containsExactly("fc");
		assertThat(FaceFreeze.of("conv256").trainedStages()).containsExactly("fc");
		assertThat(FaceFreeze.of("none").trainedStages()).isEqualTo(FaceFreeze.STAGES);
		assertThat(FaceFreeze.of("conv128").trainedStages()).containsExactly("conv256", "fc");
		assertThatIllegalArgumentException().isThrownBy(() -> FaceFreeze.of("fc")).withMessageContaining("'fc'");
		assertThatIllegalArgumentException().isThrownBy(() -> FaceFreeze.stage("conv512_1_conv1_conv_filters"));
	}

	@Test
	void fineTunesTheUnfrozenStagesAndReportsBeforeAndAfter() throws IOException {
		Dataset dataset = dataset(SyntheticFaces.generate(8, 3, 64, 64, 5));
		TrainingSettings settings = new TrainingSettings(1, null,
				new OptimizerSettings("adam", 0.01, null, null, null, null), null, null, null, null, null, null, true,
				null, 7L);
		FaceSettings faces = new FaceSettings(0.5, null, 3, 2, null, null, 0.25, 0.25, null, 2, null, null, null);
		List<EpochResult> epochs = new ArrayList<>();
		TrainedModel trained = new FaceTrainingTask().train(new TaskRun("job-1", "my-faces", Map.of(), settings,
				dataset, 0, 0, 0, 0, faces, Files.createDirectories(this.folder.resolve("work")),
				new InitFrom("face-api", 1, "conv128"), SHIPPED), Device.cpu(), epochs::add);

		assertThat(epochs).singleElement().satisfies((epoch) -> assertThat(epoch.devAccuracy()).isBetween(0.0, 1.0));
		Map<String, Object> evaluation = ((FineTuneReport) trained.evaluation()).figures();
		assertThat(evaluation).containsEntry("freeze", "conv128")
			.containsEntry("trainedStages", List.of("conv256", "fc"));
		Map<?, ?> fineTune = (Map<?, ?>) evaluation.get("fineTune");
		for (String side : List.of("before", "after")) {
			Map<?, ?> figures = (Map<?, ?>) fineTune.get(side);
			assertThat(figures.keySet().stream().map(Object::toString).toList()).containsExactly("testAuc", "testEer",
					"testTarAtFar1e-3", "testAccuracy", "threshold");
			assertThat((Double) figures.get("testAuc")).isBetween(0.0, 1.0);
			assertThat((Double) figures.get("threshold")).isBetween(0.0, 4.0);
		}
		// 2 test identities of 3 images: 6 same pairs, 9 different.
		assertThat(fineTune.get("testPairs")).isEqualTo(Map.of("same", 6, "different", 9));
		assertThat(evaluation.get("testAuc")).isEqualTo(((Map<?, ?>) fineTune.get("after")).get("testAuc"));

		assertThat(trained.template().architecture().name()).isEqualTo("face-api-recognition");
		assertThat(trained.template().artifacts()).extracting(Artifact::file)
			.containsExactly("pending.params", "face-api-landmarks.params");
		assertThat(trained.files()).containsKeys("face-api-landmarks.params", "roc.png");
		assertThat(trained.template().parameters()).containsEntry("alignment", "landmarks-68")
			.containsEntry("threshold", ((Map<?, ?>) fineTune.get("after")).get("threshold"));
		Map<?, ?> parent = (Map<?, ?>) trained.template().provenance().get("initFrom");
		assertThat(parent.get("model")).isEqualTo("face-api");
		assertThat(parent.get("version")).isEqualTo(1);
		assertThat(parent.get("quality")).isEqualTo(fineTune.get("before"));
		assertThat(trained.template().provenance().get("licence").toString()).contains("public domain");

		try (Model stored = FineTuneTrainer.load(SHIPPED, "face-api-0000.params", Device.cpu());
				Model tuned = FineTuneTrainer.load(trained.parameters().getParent(),
						trained.parameters().getFileName().toString(), Device.cpu())) {
			assertThat(values(tuned, "conv128_2_conv2_conv_filters"))
				.isEqualTo(values(stored, "conv128_2_conv2_conv_filters"));
			assertThat(values(tuned, "conv32_down_conv_filters")).isEqualTo(values(stored, "conv32_down_conv_filters"));
			assertThat(values(tuned, "fc")).isNotEqualTo(values(stored, "fc"));
			assertThat(values(tuned, "conv256_1_conv1_conv_filters"))
				.isNotEqualTo(values(stored, "conv256_1_conv1_conv_filters"));
		}
	}

	private static float[] values(Model model, String name) {
		return model.getBlock().getParameters().get(name).getArray().toFloatArray();
	}

	private Dataset dataset(FaceImages faces) throws IOException {
		Path data = this.folder.resolve("faces").resolve("data");
		for (int i = 0; i < faces.count(); i++) {
			Path identity = Files.createDirectories(data.resolve(faces.identities().get(faces.label(i))));
			byte[] header = ("P5\n" + faces.width() + " " + faces.height() + "\n255\n")
				.getBytes(StandardCharsets.US_ASCII);
			byte[] pixels = faces.pixels(i);
			byte[] file = new byte[header.length + pixels.length];
			System.arraycopy(header, 0, file, 0, header.length);
			System.arraycopy(pixels, 0, file, header.length, pixels.length);
			Files.write(identity.resolve(i + ".pgm"), file);
		}
		return new Dataset("faces", DatasetKind.IMAGE_FOLDERS, "upload", this.folder.resolve("faces"), Map.of(),
				Instant.now());
	}

}
