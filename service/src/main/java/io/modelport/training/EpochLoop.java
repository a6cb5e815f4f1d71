package io.modelport.training;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.djl.Model;

/**
 * The one epoch loop of every trainer: it runs the trainer's {@link EpochStep} epoch
 * after epoch, keeps the parameters of the best epoch by the step's score (or of the last
 * epoch, for runs whose length is fixed beforehand), stops early once the best epoch lies
 * {@code patience} epochs back, and reports every epoch as progress, and within epochs
 * the batches done, speed and ETA (at most every {@link #BATCH_REPORT_INTERVAL}, to a
 * {@link TrainingProgress}). With checkpoints on, it saves the state and the current
 * parameters after every epoch and resumes from them in the same work folder.
 * <p>
 * The kept epoch's parameters are saved as {@code <prefix>-<epoch>.params} in the work
 * folder (DJL's naming), where the trainer evaluates them afterwards.
 *
 * @author Modelport Team
 */
public final class EpochLoop {

	/** The shortest time between two reports of progress within an epoch. */
	public static final Duration BATCH_REPORT_INTERVAL = Duration.ofSeconds(2);

	private final Model model;

	private final Path workDir;

	private final String prefix;

	private final int epochs;

	private int patience;

	private boolean keepLast;

	private boolean tiesByDevLoss;

	private boolean checkpoints;

	private Checkpoint resume;

	private EpochLoop(Model model, Path workDir, String prefix, int epochs) {
		this.model = model;
		this.workDir = workDir;
		this.prefix = prefix;
		this.epochs = epochs;
	}

	/**
	 * A loop that saves the best epoch's parameters of a model.
	 * @param model the model being trained
	 * @param workDir where parameters (and checkpoints) are saved
	 * @param prefix the prefix of the best parameter file
	 * @param epochs the most epochs to run
	 * @return the loop
	 */
	public static EpochLoop saving(Model model, Path workDir, String prefix, int epochs) {
		return new EpochLoop(model, workDir, prefix, epochs);
	}

	/**
	 * A loop with nothing to save: the trainer keeps its own result (word vectors are the
	 * last epoch's matrix).
	 * @param epochs the epochs to run
	 * @return the loop
	 */
	public static EpochLoop unsaved(int epochs) {
		return new EpochLoop(null, null, null, epochs).keepLast();
	}

	/**
	 * Stops once the best epoch lies this many epochs back.
	 * @param epochs the patience, 0 for none
	 * @return this loop
	 */
	public EpochLoop patience(int epochs) {
		this.patience = epochs;
		return this;
	}

	/**
	 * Keeps the last epoch instead of the best: the run's length was chosen beforehand
	 * and nothing is chosen on held-out data.
	 * @return this loop
	 */
	public EpochLoop keepLast() {
		this.keepLast = true;
		return this;
	}

	/**
	 * Breaks ties of the score by the lower dev loss.
	 * @return this loop
	 */
	public EpochLoop tiesByDevLoss() {
		this.tiesByDevLoss = true;
		return this;
	}

	/**
	 * Saves a checkpoint after every epoch and resumes from one.
	 * @param checkpoint the checkpoint found in the work folder
	 * ({@link Checkpoint#read}), or {@code null} to start afresh; its parameters are
	 * loaded by the trainer before its trainer exists
	 * ({@link Checkpoint#loadBeforeTraining})
	 * @return this loop
	 */
	public EpochLoop checkpointed(Checkpoint checkpoint) {
		this.checkpoints = true;
		this.resume = checkpoint;
		return this;
	}

	/**
	 * Runs the epochs.
	 * @param step the trainer's epoch
	 * @param progress receives each epoch's result as it finishes; after a resume, first
	 * the results of the checkpoint's epochs again; a {@link TrainingProgress} also
	 * receives the progress within epochs
	 * @return the kept epoch and the history
	 * @throws IOException when parameters or checkpoints cannot be saved or read
	 */
	public Outcome run(EpochStep step, Consumer<EpochResult> progress) throws IOException {
		List<EpochResult> history = new ArrayList<>();
		int bestEpoch = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		double bestLoss = Double.POSITIVE_INFINITY;
		int first = 1;
		if (this.resume != null) {
			history.addAll(this.resume.history());
			bestEpoch = this.resume.bestEpoch();
			bestScore = this.resume.bestDevAccuracy();
			bestLoss = devLoss(history, bestEpoch);
			first = this.resume.epoch() + 1;
			// The checkpoint is written before an epoch is reported, so after a crash it
			// can hold epochs nobody heard of: report them all again.
			this.resume.history().forEach(progress);
		}
		BatchMeter meter = new BatchMeter(TrainingProgress.batches(progress), this.epochs, BATCH_REPORT_INTERVAL,
				System::nanoTime);
		for (int epoch = first; epoch <= this.epochs; epoch++) {
			meter.start(epoch);
			EpochStep.Scored scored = step.run(epoch, meter);
			meter.finish();
			EpochResult result = scored.result();
			history.add(result);
			if (this.keepLast ? epoch == this.epochs
					: isBetter(scored.score(), result.devLoss(), bestScore, bestLoss)) {
				bestScore = scored.score();
				bestLoss = result.devLoss();
				bestEpoch = epoch;
				keep(epoch);
			}
			if (this.checkpoints) {
				saveCheckpoint(new Checkpoint(epoch, history, bestEpoch, bestScore));
			}
			progress.accept(result);
			if (this.patience > 0 && epoch - bestEpoch >= this.patience) {
				break;
			}
		}
		Path parameters = (this.model != null)
				? this.workDir.resolve(String.format("%s-%04d.params", this.prefix, bestEpoch)) : null;
		return new Outcome(parameters, bestEpoch, bestScore, history);
	}

	private boolean isBetter(double score, double devLoss, double bestScore, double bestLoss) {
		return score > bestScore || (this.tiesByDevLoss && score == bestScore && devLoss < bestLoss);
	}

	private static double devLoss(List<EpochResult> history, int epoch) {
		return history.stream()
			.filter((result) -> result.epoch() == epoch)
			.mapToDouble(EpochResult::devLoss)
			.findFirst()
			.orElse(Double.POSITIVE_INFINITY);
	}

	private void keep(int epoch) throws IOException {
		if (this.model != null) {
			this.model.setProperty("Epoch", Integer.toString(epoch));
			this.model.save(this.workDir, this.prefix);
		}
	}

	private void saveCheckpoint(Checkpoint checkpoint) throws IOException {
		Path temporary = this.workDir.resolve(Checkpoint.PARAMS_FILE + ".tmp");
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
			this.model.getBlock().saveParameters(out);
		}
		Files.move(temporary, this.workDir.resolve(Checkpoint.PARAMS_FILE), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		checkpoint.write(this.workDir);
	}

	/**
	 * A finished loop.
	 *
	 * @param parameters the kept epoch's parameter file, {@code null} for an unsaved loop
	 * @param bestEpoch the kept epoch
	 * @param bestScore its score
	 * @param history one result per epoch run, those before a resume included
	 */
	public record Outcome(Path parameters, int bestEpoch, double bestScore, List<EpochResult> history) {

		public Outcome {
			history = List.copyOf(history);
		}

	}

}
