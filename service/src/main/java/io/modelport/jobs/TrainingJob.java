package io.modelport.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.modelport.training.BatchProgress;

/**
 * A training job as stored and as returned by the API.
 *
 * @param id the job id
 * @param state the state
 * @param task the task
 * @param model the target model
 * @param request the request as submitted
 * @param device the device the worker trained on
 * @param epoch the last completed epoch
 * @param epochs the most epochs the job runs
 * @param history one entry per completed epoch
 * @param progress how far the current epoch is (batches, samples per second, ETA of the
 * epoch and of the job), the worker's last report while the job is RUNNING, else
 * {@code null}
 * @param samplesPerSecond the training throughput of the last epoch
 * @param resultVersion the published model version, once SUCCEEDED
 * @param promoted whether that version became the default
 * @param report the evaluation report of the published version
 * @param failureReason why the job FAILED
 * @param attempts how many times a worker was started (more than 1 after a resume)
 * @param createdAt when it was submitted
 * @param startedAt when a worker first started it
 * @param finishedAt when it reached a terminal state
 * @author Modelport Team
 */
public record TrainingJob(String id, JobState state, String task, String model, TrainingJobRequest request,
		String device, int epoch, int epochs, List<EpochRecord> history, BatchProgress progress,
		Double samplesPerSecond, Integer resultVersion, Boolean promoted, Map<String, Object> report,
		String failureReason, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt) {

	public TrainingJob {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/**
	 * The job with the progress within its current epoch.
	 * @param current the worker's last report
	 * @return the job
	 */
	public TrainingJob withProgress(BatchProgress current) {
		return new TrainingJob(this.id, this.state, this.task, this.model, this.request, this.device, this.epoch,
				this.epochs, this.history, current, this.samplesPerSecond, this.resultVersion, this.promoted,
				this.report, this.failureReason, this.attempts, this.createdAt, this.startedAt, this.finishedAt);
	}

}
