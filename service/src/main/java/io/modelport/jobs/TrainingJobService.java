package io.modelport.jobs;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.registry.ModelRegistry;
import io.modelport.training.BatchProgress;
import io.modelport.training.TrainingTasks;

/**
 * Runs training jobs, the one entry the controller uses. Admission validates and queues
 * ({@link JobAdmission}); the scheduler starts workers first in, first out up to the
 * concurrency limit and follows them ({@link JobScheduler}); a finished job's version is
 * published, loaded and promoted by its policy ({@link JobPublisher}); the recorder
 * stores how jobs end and, while the job store database is unreachable, keeps outcomes in
 * memory until it is back ({@link JobRecorder}). Jobs that were RUNNING when the service
 * stopped are queued again at startup and resume from their last checkpoint.
 *
 * @author Modelport Team
 */
public class TrainingJobService implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrainingJobService.class);

	private final TrainingJobRepository repository;

	private final JobEvents events;

	private final TrainingProperties properties;

	private final JobAdmission admission;

	private final JobRecorder recorder;

	private final JobScheduler scheduler;

	TrainingJobService(TrainingJobRepository repository, JobRunner runner, ModelRegistry registry,
			TrainingJobValidator validator, TrainingTasks tasks, JobEvents events, TrainingMetrics metrics,
			TrainingProperties properties, Path store, JsonMapper json) {
		this.repository = repository;
		this.events = events;
		this.properties = properties;
		this.admission = new JobAdmission(repository, validator, tasks, properties, json);
		this.recorder = new JobRecorder(repository, events, metrics, properties, this::wake);
		this.scheduler = new JobScheduler(repository, runner, events, metrics, properties, json, this.recorder,
				new JobPublisher(registry, tasks, properties, store, json));
	}

	/**
	 * Validates and queues a job.
	 * @param request the request
	 * @return the queued job
	 * @throws InvalidJobRequestException when the request is invalid
	 * @throws JobQueueFullException when {@code max-queued-jobs} jobs are waiting
	 */
	public TrainingJob submit(TrainingJobRequest request) {
		TrainingJob job = this.admission.admit(request);
		wake();
		return job;
	}

	/**
	 * Finds a job.
	 * @param id the job id
	 * @return the job
	 * @throws JobNotFoundException when unknown
	 */
	public TrainingJob get(String id) {
		return withProgress(this.repository.findById(id).orElseThrow(() -> new JobNotFoundException(id)));
	}

	/**
	 * One page of jobs, newest first.
	 * @param state only jobs in this state, or {@code null}
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the jobs
	 */
	public List<TrainingJob> list(JobState state, int page, int size) {
		return this.repository.page(state, page, size).stream().map(this::withProgress).toList();
	}

	/**
	 * Counts jobs.
	 * @param state only jobs in this state, or {@code null}
	 * @return the count
	 */
	public long count(JobState state) {
		return this.repository.count(state);
	}

	/**
	 * Cancels a queued or running job: its worker is stopped and its partial output
	 * discarded.
	 * @param id the job id
	 * @return the cancelled job
	 * @throws JobConflictException when the job has already ended
	 */
	public TrainingJob cancel(String id) {
		TrainingJob job = get(id);
		RunningJob run = this.scheduler.running(id);
		if (run != null) {
			run.cancelled = true;
		}
		boolean finished;
		try {
			finished = this.repository.finish(id, JobState.CANCELLED, null, null, null, null);
		}
		catch (DataAccessException ex) {
			// Not cancelled: the worker's end must still be recorded.
			if (run != null) {
				run.cancelled = false;
			}
			throw ex;
		}
		if (!finished) {
			throw new JobConflictException("training job '" + id + "' has already ended: " + get(id).state());
		}
		if (run != null && run.worker != null) {
			run.worker.cancel();
		}
		this.recorder.cleanUp(id);
		this.recorder.ended(job, JobState.CANCELLED);
		return get(id);
	}

	/**
	 * Subscribes to a job's progress events.
	 * @param id the job id
	 * @return the emitter
	 */
	public SseEmitter events(String id) {
		return this.events.subscribe(get(id));
	}

	@Override
	public void start() {
		int requeued = this.repository.requeueInterrupted(this.properties.maxAttempts());
		if (requeued > 0) {
			logger.info("Resuming " + requeued + " training jobs interrupted by the last shutdown");
		}
		this.scheduler.start();
	}

	@Override
	public void stop() {
		this.scheduler.stop();
	}

	@Override
	public boolean isRunning() {
		return this.scheduler.isActive();
	}

	// The worker's last report within an epoch, for a job still RUNNING.
	private TrainingJob withProgress(TrainingJob job) {
		RunningJob run = this.scheduler.running(job.id());
		BatchProgress progress = (run != null) ? run.progress : null;
		return (progress != null && job.state() == JobState.RUNNING) ? job.withProgress(progress) : job;
	}

	private void wake() {
		this.scheduler.wake();
	}

}
