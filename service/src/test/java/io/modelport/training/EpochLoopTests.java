package io.modelport.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared epoch loop on scripted scores: which epoch it keeps, when it stops, and how
 * it resumes.
 *
 * @author Modelport Team
 */
class EpochLoopTests {

	@TempDir
	Path dir;

	@Test
	void keepsTheBestScoreAndStopsOncePatienceRunsOut() throws IOException {
		List<EpochResult> seen = new ArrayList<>();
		List<Integer> ran = new ArrayList<>();
		try (Model model = model()) {
			EpochLoop.Outcome outcome = EpochLoop.saving(model, this.dir, "best", 10)
				.patience(2)
				.run(scripted(ran, new double[] { 0.5, 0.7, 0.6, 0.6, 0.9 }, new double[] { 1, 1, 1, 1, 1 }),
						seen::add);
			assertThat(ran).containsExactly(1, 2, 3, 4);
			assertThat(seen).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
			assertThat(outcome.history()).isEqualTo(seen);
			assertThat(outcome.bestEpoch()).isEqualTo(2);
			assertThat(outcome.bestScore()).isEqualTo(0.7);
			assertThat(outcome.parameters()).isEqualTo(this.dir.resolve("best-0002.params")).exists();
			assertThat(this.dir.resolve(Checkpoint.STATE_FILE)).doesNotExist();
		}
	}

	@Test
	void breaksTiesByTheLowerDevLossOnlyWhenAsked() throws IOException {
		double[] scores = { 0.5, 0.5 };
		double[] losses = { 1.0, 0.8 };
		try (Model model = model()) {
			assertThat(EpochLoop.saving(model, this.dir, "plain", 2)
				.run(scripted(new ArrayList<>(), scores, losses), (epoch) -> {
				})
				.bestEpoch()).isEqualTo(1);
			assertThat(EpochLoop.saving(model, this.dir, "ties", 2)
				.tiesByDevLoss()
				.run(scripted(new ArrayList<>(), scores, losses), (epoch) -> {
				})
				.bestEpoch()).isEqualTo(2);
		}
	}

	@Test
	void keepsTheLastEpochWhenTheLengthIsFixed() throws IOException {
		try (Model model = model()) {
			EpochLoop.Outcome outcome = EpochLoop.saving(model, this.dir, "last", 3)
				.keepLast()
				.run(scripted(new ArrayList<>(), new double[] { 0.9, 0.1, 0.2 }, new double[] { 1, 1, 1 }), (epoch) -> {
				});
			assertThat(outcome.bestEpoch()).isEqualTo(3);
			assertThat(outcome.bestScore()).isEqualTo(0.2);
			assertThat(outcome.parameters()).hasFileName("last-0003.params").exists();
		}
	}

	@Test
	void resumesFromTheCheckpointAndReportsItsEpochsAgain() throws IOException {
		double[] scores = { 0.4, 0.8, 0.6, 0.9 };
		double[] losses = { 1, 1, 1, 1 };
		try (Model model = model()) {
			EpochLoop.saving(model, this.dir, "best", 2)
				.checkpointed(null)
				.run(scripted(new ArrayList<>(), scores, losses), (epoch) -> {
				});
		}
		Checkpoint checkpoint = Checkpoint.read(this.dir);
		assertThat(checkpoint.epoch()).isEqualTo(2);
		assertThat(checkpoint.bestEpoch()).isEqualTo(2);
		assertThat(checkpoint.bestDevAccuracy()).isEqualTo(0.8);
		List<Integer> ran = new ArrayList<>();
		List<EpochResult> seen = new ArrayList<>();
		try (Model model = model()) {
			EpochLoop.Outcome outcome = EpochLoop.saving(model, this.dir, "best", 4)
				.checkpointed(checkpoint)
				.run(scripted(ran, scores, losses), seen::add);
			assertThat(ran).containsExactly(3, 4);
			assertThat(seen).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
			assertThat(outcome.history()).hasSize(4);
			assertThat(outcome.bestEpoch()).isEqualTo(4);
		}
		assertThat(Checkpoint.read(this.dir).epoch()).isEqualTo(4);
	}

	@Test
	void anUnsavedLoopRunsEveryEpochAndNamesNoFile() throws IOException {
		List<Integer> ran = new ArrayList<>();
		EpochLoop.Outcome outcome = EpochLoop.unsaved(3)
			.run(scripted(ran, new double[] { 0, 0, 0 }, new double[] { 0, 0, 0 }), (epoch) -> {
			});
		assertThat(ran).containsExactly(1, 2, 3);
		assertThat(outcome.bestEpoch()).isEqualTo(3);
		assertThat(outcome.parameters()).isNull();
	}

	@Test
	void aTrainingProgressHearsOfTheFirstBatchBeforeTheEpochEnds() throws IOException {
		List<Object> heard = new ArrayList<>();
		EpochLoop.unsaved(2)
			.run(scripted(new ArrayList<>(), new double[] { 0, 0 }, new double[] { 0, 0 }),
					TrainingProgress.of(heard::add, heard::add));
		// One batch report at the first batch; the rest fall within the two seconds.
		assertThat(heard).hasSize(3);
		assertThat(heard.get(0)).isInstanceOfSatisfying(BatchProgress.class, (batch) -> {
			assertThat(batch.epoch()).isEqualTo(1);
			assertThat(batch.epochs()).isEqualTo(2);
			assertThat(batch.batch()).isEqualTo(1);
			assertThat(batch.batches()).isEqualTo(3);
			assertThat(batch.samples()).isEqualTo(10);
			assertThat(batch.etaSeconds()).isNotNull().isGreaterThanOrEqualTo(batch.epochEtaSeconds());
		});
		assertThat(heard.subList(1, 3)).allSatisfy((item) -> assertThat(item).isInstanceOf(EpochResult.class));
	}

	@Test
	void aMappedProgressRenumbersBothParts() {
		List<Object> heard = new ArrayList<>();
		Consumer<EpochResult> mapped = TrainingProgress.mapped(TrainingProgress.of(heard::add, heard::add),
				(result) -> new EpochResult(result.epoch() + 5, 0, 0, 0, 0, 0, 0), (batch) -> batch.within(0, 10));
		mapped.accept(new EpochResult(1, 0, 0, 0, 0, 0, 0));
		TrainingProgress.batches(mapped).accept(new BatchProgress(2, 5, 1, 4, 8, 8, 1.0, 3.0, 15.0));
		assertThat(heard.get(0)).extracting("epoch").isEqualTo(6);
		// The first member of two: the second's 5 epochs at this epoch's pace of 4 s.
		assertThat(heard.get(1)).isEqualTo(new BatchProgress(2, 10, 1, 4, 8, 8, 1.0, 3.0, 35.0));
		TrainingProgress.batches((result) -> {
		}).accept(new BatchProgress(1, 1, 1, 1, 1, 1, 1, 0.0, 0.0));
	}

	private static EpochStep scripted(List<Integer> ran, double[] scores, double[] losses) {
		return (epoch, batches) -> {
			ran.add(epoch);
			batches.planned(3);
			for (int i = 0; i < 3; i++) {
				batches.done(10);
			}
			return new EpochStep.Scored(new EpochResult(epoch, 1, losses[epoch - 1], scores[epoch - 1], 0.1, 1, 1),
					scores[epoch - 1]);
		};
	}

	private static Model model() {
		Model model = Model.newInstance("loop", Device.cpu(), "PyTorch");
		model.setBlock(Linear.builder().setUnits(1).build());
		model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
		return model;
	}

}
