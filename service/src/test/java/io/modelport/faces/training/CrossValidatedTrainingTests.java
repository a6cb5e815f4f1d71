package io.modelport.faces.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;
import io.modelport.training.EpochResult;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A cross-validated verifier run chooses its epoch count and τ on the pooled held-out
 * folds of the non-test identities, trains the final network on all of them for that many
 * epochs, and measures it on the classic split's test identities; repeated splits run the
 * same recipe once per test fold.
 *
 * @author Modelport Team
 */
class CrossValidatedTrainingTests {

	private static final Map<String, Object> NET = Map.of("filters", List.of(4, 8), "embeddingSize", 8, "dropout", 0.0);

	private static final int EPOCHS = 3;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FaceImages faces = SyntheticFaces.generate(15, 4, 20, 20, 9);

	@TempDir
	Path work;

	@Test
	void epochsAndThresholdComeFromThePooledFoldsAndTheFinalNetworkTrainsOnAllOfThem() throws Exception {
		IdentityFolds folds = IdentityFolds.protocol(this.faces, 0.2, 0.2, 3, 3);
		List<FaceCrossValidation.Progress> cv = new ArrayList<>();
		List<EpochResult> last = new ArrayList<>();
		FaceTraining.Result result = CrossValidatedTraining.run(request(2), folds, this.work, Device.cpu(), cv::add,
				last::add);
		Map<String, Object> evaluation = result.evaluation();
		Map<?, ?> crossValidation = (Map<?, ?>) evaluation.get("crossValidation");
		List<?> byEpoch = (List<?>) crossValidation.get("cvAucByEpoch");
		int epochs = (Integer) evaluation.get("epochs");
		assertThat(byEpoch).hasSize(EPOCHS);
		double best = byEpoch.stream().mapToDouble((auc) -> (Double) auc).max().orElseThrow();
		assertThat(byEpoch.indexOf(best) + 1).isEqualTo(epochs);
		assertThat(evaluation.get("cvAuc")).isEqualTo(best);
		// 3 folds × 2 members × every epoch, then each member's final training.
		assertThat(cv).hasSize(3 * 2 * EPOCHS);
		assertThat(cv).allSatisfy((progress) -> assertThat(progress.epoch().devLoss()).isNotNaN());
		assertThat(last).hasSize(2 * epochs).allSatisfy((epoch) -> assertThat(epoch.devLoss()).isNaN());
		assertThat(result.template().provenance()).containsEntry("bestEpoch", List.of(epochs, epochs));
		assertThat(evaluation.get("threshold")).isEqualTo(crossValidation.get("threshold"))
			.isEqualTo(result.template().parameters().get("threshold"));
		Map<?, ?> identities = (Map<?, ?>) evaluation.get("identities");
		assertThat(identities.get("train")).isEqualTo(12);
		assertThat(identities.get("testNames"))
			.isEqualTo(IdentitySplit.of(this.faces, 0.2, 0.2, 3).test().identities());
		assertThat(((Map<?, ?>) evaluation.get("testPairs")).get("same")).isEqualTo(18);
		assertThat(((Number) evaluation.get("testAuc")).doubleValue()).isBetween(0.0, 1.0);
		assertThat(Files.isRegularFile(result.parameters())).isTrue();
		assertThat(result.template().architecture().parameters()).containsEntry("members", 2);
		// A recorded cross-validation reused gives the same final network and report.
		FaceTraining.Result reused = CrossValidatedTraining.run(request(2), folds,
				Files.createDirectories(this.work.resolve("reused")), Device.cpu(), cv::add, (epoch) -> {
				}, FaceCrossValidation.Outcome.fromMap(json.readValue(json.writeValueAsString(crossValidation),
						new TypeReference<Map<String, Object>>() {
						})));
		assertThat(cv).hasSize(3 * 2 * EPOCHS);
		assertThat(reused.evaluation()).usingRecursiveComparison()
			.ignoringFields("crossValidation.seconds")
			.isEqualTo(evaluation);
		// The first member alone is the cross-validation of the same run without an
		// ensemble.
		FaceCrossValidation.Outcome single = FaceCrossValidation.run(FaceEmbedderNet.fromParameters(NET),
				new InputSpec(20, 20, 1, 255f, null, null), settings(), faceSettings(1), folds,
				Files.createDirectories(this.work.resolve("single")), Device.cpu(), (progress) -> {
				});
		assertThat(crossValidation.get("firstMember")).isEqualTo(single.toMap(null));
	}

	@Test
	void repeatedSplitsRunTheRecipeOncePerTestFold() throws Exception {
		List<String> lines = new ArrayList<>();
		List<Map<String, Object>> runs = RepeatedSplits.run(request(1), this.faces, 3, List.of(0, 2), 3, this.work,
				Device.cpu(), lines::add);
		assertThat(runs).hasSize(2).extracting((run) -> run.get("testFold")).containsExactly(0, 2);
		assertThat(lines).hasSize(2);
		assertThat(runs.get(0)).containsKeys(RepeatedSplits.FIGURES.toArray(String[]::new));
		assertThat(runs.get(0).get("testNames"))
			.isEqualTo(IdentityFolds.outer(this.faces, 3, 0, 3, 3).testFaces().identities());
	}

	@Test
	void summaryGivesTheMeanAndSampleDeviation() {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (double auc : new double[] { 0.9, 0.95, 1.0 }) {
			runs.add(Map.of("testAccuracy", auc - 0.1, "testAuc", auc, "testEer", 0.1, "testTarAtFar1", 0.5, "cvAuc",
					0.99, "threshold", 1.0, "epochs", 4));
		}
		Map<String, double[]> summary = RepeatedSplits.summary(runs);
		assertThat(summary.get("testAuc")[0]).isCloseTo(0.95, within(1e-12));
		assertThat(summary.get("testAuc")[1]).isCloseTo(0.05, within(1e-12));
		assertThat(summary.get("testEer")[1]).isCloseTo(0.0, within(1e-12));
		assertThat(summary.get("epochs")[0]).isEqualTo(4.0);
	}

	private static FaceTraining.Request request(int members) {
		return new FaceTraining.Request("faces", NET, settings(), faceSettings(members), 20, 20, "test",
				"synthetic faces");
	}

	private static TrainingSettings settings() {
		return new TrainingSettings(EPOCHS, null, new OptimizerSettings("adam", 0.005, null, null, null, null), null,
				null, null, null, null, null, true, 1, 3L)
			.withDefaults();
	}

	private static FaceSettings faceSettings(int members) {
		return new FaceSettings(0.2, "batch-hard", 3, 2, null, null, 0.2, 0.2, 0.05, 3, null, null, members)
			.withDefaults();
	}

}
