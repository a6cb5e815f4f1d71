package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;

import io.modelport.core.SafeMessages;
import io.modelport.training.ModelPublisher;

/**
 * Records how jobs end and replays what an outage kept from the job store: while the
 * database is unreachable, outcomes wait in memory (with the job's checkpoints and
 * output) and are written when it is back.
 *
 * @author Modelport Team
 */
class JobRecorder {

	private static final Log logger = LogFactory.getLog(JobRecorder.class);

	private final TrainingJobRepository repository;

	private final JobEvents events;

	private final TrainingMetrics metrics;

	private final TrainingProperties properties;

	private final Runnable wake;

	private final Queue<JobOutcome> unrecorded = new ConcurrentLinkedQueue<>();

	private volatile boolean storeDown;

	JobRecorder(TrainingJobRepository repository, JobEvents events, TrainingMetrics metrics,
			TrainingProperties properties, Runnable wake) {
		this.repository = repository;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.wake = wake;
	}

	// Stores how a job ended; while the store is unreachable the outcome waits in memory
	// and the scheduler tries again.
	void record(JobOutcome outcome) {
		String id = outcome.run().job.id();
		boolean changed;
		try {
			List<EpochRecord> history = outcome.run().historySnapshot();
			if (!history.isEmpty()) {
				// Epochs whose progress write was lost in an outage.
				this.repository.recordProgress(id, history);
			}
			changed = this.repository.finish(id, outcome.state(), SafeMessages.withoutPaths(outcome.reason()),
					outcome.version(), outcome.promoted(), outcome.report());
			storeReachable();
		}
		catch (DataAccessException ex) {
			if (!this.unrecorded.contains(outcome)) {
				logger.warn("Training job " + id + " ended " + outcome.state()
						+ " but the job store is unreachable; recording it when the store is back: " + ex.getMessage());
				this.unrecorded.add(outcome);
			}
			this.storeDown = true;
			return;
		}
		this.unrecorded.remove(outcome);
		if (changed) {
			if (outcome.state() == JobState.FAILED) {
				logger.warn("Training job " + id + " failed: " + outcome.reason());
			}
			ended(outcome.run().job, outcome.state());
		}
		cleanUp(id);
	}

	void recordUnrecorded() {
		for (JobOutcome outcome : List.copyOf(this.unrecorded)) {
			record(outcome);
		}
	}

	// At shutdown: what is still unrecorded runs again at the next start.
	void warnUnrecorded() {
		for (JobOutcome outcome : this.unrecorded) {
			logger.warn("Training job " + outcome.run().job.id() + " ended " + outcome.state()
					+ " but the job store never recorded it; it stays RUNNING and runs again at the next start");
		}
	}

	void storeReachable() {
		if (this.storeDown) {
			this.storeDown = false;
			logger.info("The job store is reachable again");
		}
	}

	void storeUnreachable(RuntimeException ex) {
		if (!this.storeDown) {
			this.storeDown = true;
			logger.warn("The job store is unreachable; training jobs wait for it: " + ex.getMessage());
		}
	}

	void ended(TrainingJob job, JobState state) {
		Instant started = (job.startedAt() != null) ? job.startedAt() : job.createdAt();
		this.metrics.finished(job.model(), state, Duration.between(started, Instant.now()));
		Object snapshot;
		try {
			snapshot = this.repository.findById(job.id()).orElseThrow(() -> new JobNotFoundException(job.id()));
		}
		catch (DataAccessException ex) {
			snapshot = Map.of("state", state);
		}
		this.events.publish(job.id(), "state", snapshot);
		this.events.complete(job.id());
		this.wake.run();
	}

	// Discards partial output and checkpoints; the spec and the worker log stay.
	void cleanUp(String id) {
		try {
			ModelPublisher.deleteRecursively(jobDirectory(id).resolve("output"));
			ModelPublisher.deleteRecursively(jobDirectory(id).resolve("work"));
		}
		catch (IOException ex) {
			logger.warn("Cannot clean the folder of training job " + id + ": " + ex.getMessage());
		}
	}

	Path jobDirectory(String id) {
		return this.properties.workDir().resolve(id);
	}

}
