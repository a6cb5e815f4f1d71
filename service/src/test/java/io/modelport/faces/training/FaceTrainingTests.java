package io.modelport.faces.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verifier run with {@code faces.ensemble} trains its members with consecutive seeds on
 * the run's split: its first member is the single network the same run without an
 * ensemble trains, and the report names every member's own figures.
 *
 * @author Modelport Team
 */
class FaceTrainingTests {

	private static final Map<String, Object> NET = Map.of("filters", List.of(4, 8), "embeddingSize", 8, "dropout", 0.0);

	@TempDir
	Path work;

	@Test
	void anEnsembleOfTwoStartsWithTheSingleNetwork() throws Exception {
		FaceImages faces = SyntheticFaces.generate(10, 4, 20, 20, 9);
		FaceTraining.Result single = run(faces, 1, this.work.resolve("single"));
		FaceTraining.Result ensemble = run(faces, 2, this.work.resolve("ensemble"));
		assertThat(single.evaluation()).containsKey("bestEpoch").doesNotContainKeys("ensemble", "members");
		assertThat(single.template().architecture().parameters()).doesNotContainKey("members");
		assertThat(single.template().parameters()).containsEntry("embeddingSize", 8);
		assertThat(ensemble.template().architecture().parameters()).containsEntry("members", 2);
		assertThat(ensemble.template().parameters()).containsEntry("embeddingSize", 16);
		assertThat(ensemble.evaluation()).containsEntry("ensemble", 2).doesNotContainKey("bestEpoch");
		List<?> members = (List<?>) ensemble.evaluation().get("members");
		assertThat(members).hasSize(2);
		Map<?, ?> first = (Map<?, ?>) members.get(0);
		assertThat(first.get("seed")).isEqualTo(3L);
		assertThat(((Map<?, ?>) members.get(1)).get("seed")).isEqualTo(4L);
		assertThat(first.get("bestEpoch")).isEqualTo(single.evaluation().get("bestEpoch"));
		assertThat(first.get("devAuc")).isEqualTo(single.evaluation().get("devAuc"));
		assertThat(first.get("testAuc")).isEqualTo(single.evaluation().get("testAuc"));
		assertThat(ensemble.evaluation().get("identities")).isEqualTo(single.evaluation().get("identities"));
		assertThat(((Number) ensemble.evaluation().get("testAuc")).doubleValue()).isBetween(0.0, 1.0);
	}

	private static FaceTraining.Result run(FaceImages faces, int members, Path work) throws Exception {
		TrainingSettings settings = new TrainingSettings(2, null,
				new OptimizerSettings("adam", 0.005, null, null, null, null), null, null, null, null, null, null, true,
				1, 3L)
			.withDefaults();
		FaceSettings faceSettings = new FaceSettings(0.2, "batch-hard", 3, 2, null, null, 0.2, 0.2, 0.05, 3, null, null,
				members)
			.withDefaults();
		FaceTraining.Request request = new FaceTraining.Request("faces", NET, settings, faceSettings, 20, 20, "test",
				"synthetic faces");
		Files.createDirectories(work);
		return FaceTraining.run(request, faces, work, Device.cpu(), (epoch) -> {
		});
	}

}
