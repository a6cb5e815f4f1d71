package io.modelport.training;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a training run reports: each finished epoch, and between them, at most every
 * {@link EpochLoop#BATCH_REPORT_INTERVAL}, how far the current epoch is. Trainers take a
 * {@code Consumer<EpochResult>}; when it is a {@code TrainingProgress}, the
 * {@link EpochLoop} also hands it the batch progress, so every task reports it without
 * its trainer knowing.
 *
 * @author Modelport Team
 */
public interface TrainingProgress extends Consumer<EpochResult> {

	/**
	 * Takes the progress within an epoch.
	 * @param progress how far the epoch is
	 */
	void batch(BatchProgress progress);

	/**
	 * A progress of two parts.
	 * @param epochs receives each finished epoch
	 * @param batches receives the progress within epochs
	 * @return the progress
	 */
	static TrainingProgress of(Consumer<EpochResult> epochs, Consumer<BatchProgress> batches) {
		return new TrainingProgress() {

			@Override
			public void accept(EpochResult result) {
				epochs.accept(result);
			}

			@Override
			public void batch(BatchProgress progress) {
				batches.accept(progress);
			}

		};
	}

	/**
	 * Where a progress consumer takes batch progress.
	 * @param progress a trainer's progress consumer
	 * @return its batch part, or a consumer that drops it
	 */
	static Consumer<BatchProgress> batches(Consumer<EpochResult> progress) {
		return (progress instanceof TrainingProgress training) ? training::batch : (ignored) -> {
		};
	}

	/**
	 * A progress consumer that changes both parts on their way (renumbered epochs).
	 * @param progress where they go
	 * @param epochs changes each epoch
	 * @param batches changes each batch progress
	 * @return the consumer, a {@code TrainingProgress} when {@code progress} is one
	 */
	static Consumer<EpochResult> mapped(Consumer<EpochResult> progress, UnaryOperator<EpochResult> epochs,
			UnaryOperator<BatchProgress> batches) {
		Consumer<BatchProgress> target = batches(progress);
		return of((result) -> progress.accept(epochs.apply(result)), (batch) -> target.accept(batches.apply(batch)));
	}

}
