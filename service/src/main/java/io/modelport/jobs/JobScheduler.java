package io.modelport.jobs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.training.BatchProgress;

/**
 * Starts workers for queued jobs, first in first out, up to the concurrency limit, turns
 * their events into job progress, and hands their end to publication and the recorder.
 *
 * @author Modelport Team
 */
class JobScheduler {

	private static final Log logger = LogFactory.getLog(JobScheduler.class);

	private final TrainingJobRepository repository;

	private final JobRunner runner;

	private final JobEvents events;

	private final TrainingMetrics metrics;

	private final TrainingProperties properties;

	private final JsonMapper json;

	private final JobRecorder recorder;

	private final JobPublisher publisher;

	private final Map<String, RunningJob> running = new ConcurrentHashMap<>();

	private final Object signal = new Object();

	private volatile boolean active;

	JobScheduler(TrainingJobRepository repository, JobRunner runner, JobEvents events, TrainingMetrics metrics,
			TrainingProperties properties, JsonMapper json, JobRecorder recorder, JobPublisher publisher) {
		this.repository = repository;
		this.runner = runner;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.json = json;
		this.recorder = recorder;
		this.publisher = publisher;
	}

	void start() {
		this.active = true;
		Thread scheduler = new Thread(this::schedule, "training-scheduler");
		scheduler.setDaemon(true);
		scheduler.start();
	}

	void stop() {
		this.active = false;
		wake();
		this.recorder.recordUnrecorded();
		this.recorder.warnUnrecorded();
		// Workers stop with the service; their jobs stay RUNNING in the store and resume
		// from their checkpoints at the next start.
		for (RunningJob run : List.copyOf(this.running.values())) {
			run.shuttingDown = true;
			if (run.worker != null) {
				run.worker.cancel();
			}
		}
	}

	boolean isActive() {
		return this.active;
	}

	RunningJob running(String id) {
		return this.running.get(id);
	}

	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void schedule() {
		while (this.active) {
			try {
				this.recorder.recordUnrecorded();
				while (this.active && this.running.size() < this.properties.maxConcurrentJobs()) {
					TrainingJob next = this.repository.claimNextQueued().orElse(null);
					if (next == null) {
						break;
					}
					launch(next);
				}
				this.recorder.storeReachable();
			}
			catch (DataAccessException | CannotCreateTransactionException ex) {
				this.recorder.storeUnreachable(ex);
			}
			catch (RuntimeException ex) {
				logger.error("Training scheduler error", ex);
			}
			try {
				synchronized (this.signal) {
					this.signal.wait(1000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void launch(TrainingJob job) {
		RunningJob run = new RunningJob(job);
		this.running.put(job.id(), run);
		this.events.publish(job.id(), "state", Map.of("state", JobState.RUNNING));
		try {
			run.worker = this.runner.start(job.id(), this.recorder.jobDirectory(job.id()), new WorkerListener(run));
		}
		catch (RuntimeException ex) {
			this.running.remove(job.id());
			this.recorder.record(JobOutcome.failed(run, "cannot start a training worker: " + ex.getMessage()));
		}
	}

	private static String exitReason(int code, String reported, String tail) {
		if (reported != null) {
			return reported;
		}
		if (tail.contains("OutOfMemoryError")) {
			return "the worker ran out of memory (exit code " + code + ")";
		}
		if (code > 128) {
			return "the worker was killed by signal " + (code - 128);
		}
		return "the worker exited with code " + code;
	}

	/**
	 * Turns a worker's events into job progress.
	 */
	private final class WorkerListener implements JobRunner.Listener {

		private final RunningJob run;

		WorkerListener(RunningJob run) {
			this.run = run;
		}

		@Override
		public void onEvent(Map<String, Object> event) {
			String id = this.run.job.id();
			try {
				switch (String.valueOf(event.get("event"))) {
					case "started" ->
						JobScheduler.this.repository.recordDevice(id, String.valueOf(event.get("device")));
					case "epoch" -> epoch(JobScheduler.this.json.convertValue(event.get("result"), EpochRecord.class));
					case "progress" ->
						progress(JobScheduler.this.json.convertValue(event.get("progress"), BatchProgress.class));
					case "failed" -> this.run.failure = String.valueOf(event.get("reason"));
					default -> {
					}
				}
			}
			catch (DataAccessException ex) {
				// The history stays in memory; the next write carries all of it.
				JobScheduler.this.recorder.storeUnreachable(ex);
			}
		}

		// Progress within an epoch lives in memory only: it is shown while the job runs
		// and is stale once it ends.
		private void progress(BatchProgress progress) {
			this.run.progress = progress;
			JobScheduler.this.events.publish(this.run.job.id(), "progress", progress);
		}

		private void epoch(EpochRecord epoch) {
			List<EpochRecord> history = this.run.add(epoch);
			JobScheduler.this.metrics.epoch(this.run.job.model(), epoch);
			JobScheduler.this.events.publish(this.run.job.id(), "epoch", epoch);
			JobScheduler.this.repository.recordProgress(this.run.job.id(), history);
		}

		@Override
		public void onExit(int exitCode, String logTail) {
			JobScheduler.this.running.remove(this.run.job.id());
			if (this.run.cancelled || this.run.shuttingDown) {
				return;
			}
			String id = this.run.job.id();
			JobScheduler.this.recorder.record((exitCode == 0)
					? JobScheduler.this.publisher.publish(this.run, JobScheduler.this.recorder.jobDirectory(id))
					: JobOutcome.failed(this.run, exitReason(exitCode, this.run.failure, logTail)));
			wake();
		}

	}

}
