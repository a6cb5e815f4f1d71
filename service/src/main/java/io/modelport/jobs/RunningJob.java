package io.modelport.jobs;

import java.util.ArrayList;
import java.util.List;

import io.modelport.training.BatchProgress;

/**
 * A job with a worker: its epoch history so far, its last progress within an epoch, and
 * how its worker is to end.
 *
 * @author Modelport Team
 */
final class RunningJob {

	final TrainingJob job;

	final List<EpochRecord> history;

	volatile JobRunner.RunningWorker worker;

	volatile BatchProgress progress;

	volatile boolean cancelled;

	volatile boolean shuttingDown;

	volatile String failure;

	RunningJob(TrainingJob job) {
		this.job = job;
		this.history = new ArrayList<>(job.history());
	}

	List<EpochRecord> historySnapshot() {
		synchronized (this.history) {
			return List.copyOf(this.history);
		}
	}

	// Keeps one record per epoch: a resumed worker reports the checkpoint's epochs again.
	List<EpochRecord> add(EpochRecord epoch) {
		synchronized (this.history) {
			this.history.removeIf((e) -> e.epoch() >= epoch.epoch());
			this.history.add(epoch);
			return List.copyOf(this.history);
		}
	}

}
