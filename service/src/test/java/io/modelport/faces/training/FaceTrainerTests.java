package io.modelport.faces.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.faces.VerificationMetrics;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;
import io.modelport.training.EpochResult;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triplet trainer learns to tell apart generated identities it has never seen: the
 * dev ROC AUC of the best epoch is clearly above that of the untrained network.
 *
 * @author Modelport Team
 */
class FaceTrainerTests {

	private static final InputSpec INPUT = new InputSpec(24, 24, 1, 255f, null, null);

	private static final FaceEmbedderNet NET = FaceEmbedderNet
		.fromParameters(Map.of("filters", List.of(8, 16), "embeddingSize", 16, "dropout", 0.0));

	@TempDir
	Path work;

	@Test
	void learnsEmbeddingsThatSeparateUnseenIdentities() throws Exception {
		FaceSettings faces = new FaceSettings(0.2, "batch-hard", 6, 4, null, null, 0.25, 0.1, 0.05, 10, null, null,
				null)
			.withDefaults();
		TrainingSettings settings = new TrainingSettings(12, null,
				new OptimizerSettings("adam", 0.003, null, null, null, null), null, null, null, null, null, null, true,
				1, 3L)
			.withDefaults();
		IdentitySplit split = FaceTraining.split(SyntheticFaces.generate(20, 6, 24, 24, 11), faces, 3);
		VerificationPairs devPairs = FaceTraining.pairs(split.dev(), 3, FaceTraining.DEV_PAIR_SEED_OFFSET);
		double untrained = untrainedDevAuc(split.dev(), devPairs, 3);
		List<EpochResult> epochs = new ArrayList<>();
		FaceTrainer.Report report = new FaceTrainer(NET, INPUT, settings, faces, Device.cpu()).train(split.train(),
				split.dev(), devPairs, this.work, epochs::add);
		assertThat(epochs).hasSize(12);
		assertThat(report.history()).isEqualTo(epochs);
		assertThat(Files.isRegularFile(report.parameters())).isTrue();
		assertThat(report.bestDevAuc()).as("untrained dev AUC %s", untrained).isGreaterThan(untrained + 0.1);
		assertThat(report.bestDevAuc()).isGreaterThan(0.85);
	}

	private static double untrainedDevAuc(FaceImages dev, VerificationPairs pairs, long seed) {
		Engine.getEngine("PyTorch").setRandomSeed((int) seed);
		try (Model model = Model.newInstance("untrained", Device.cpu(), "PyTorch")) {
			model.setBlock(NET.build());
			try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
				trainer.initialize(new Shape(1, 1, INPUT.height(), INPUT.width()));
				float[][] embeddings = FaceTrainer.embed(trainer, FaceTrainer.inputs(dev, INPUT), INPUT);
				return new VerificationMetrics(pairs.distances(embeddings), pairs.sameFlags()).rocAuc();
			}
		}
	}

}
