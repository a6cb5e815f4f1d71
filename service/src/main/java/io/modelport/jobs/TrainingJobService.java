package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.core.SafeMessages;
import io.modelport.datasets.Dataset;
import io.modelport.jobs.worker.TrainingWorker;
import io.modelport.jobs.worker.WorkerSpec;
import io.modelport.registry.ModelRegistry;
import io.modelport.registry.ModelState;
import io.modelport.registry.ModelVersion;
import io.modelport.registry.RegisteredModel;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelSettings;
import io.modelport.training.ModelPublisher;
import io.modelport.training.TaskRequest;
import io.modelport.training.TrainingSettings;
import io.modelport.training.TrainingTask;
import io.modelport.training.TrainingTasks;

/**
 * Runs training jobs: validates and queues them, starts workers first in, first out up to
 * the concurrency limit, records their progress, and on success publishes the new
 * version, loads it and applies the promotion policy. Jobs that were RUNNING when the
 * service stopped are queued again at startup and resume from their last checkpoint.
 * While the job store database is unreachable, workers keep training: their progress is
 * kept in memory and the end of a job is recorded once the database is back.
 *
 * @author Modelport Team
 */
public class TrainingJobService implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrainingJobService.class);

	private final TrainingJobRepository repository;

	private final JobRunner runner;

	private final ModelRegistry registry;

	private final TrainingJobValidator validator;

	private final TrainingTasks tasks;

	private final JobEvents events;

	private final TrainingMetrics metrics;

	private final TrainingProperties properties;

	private final Path store;

	private final JsonMapper json;

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	private final Queue<Outcome> unrecorded = new ConcurrentLinkedQueue<>();

	private final Object signal = new Object();

	private volatile boolean storeDown;

	private volatile boolean active;

	private Thread scheduler;

	TrainingJobService(TrainingJobRepository repository, JobRunner runner, ModelRegistry registry,
			TrainingJobValidator validator, TrainingTasks tasks, JobEvents events, TrainingMetrics metrics,
			TrainingProperties properties, Path store, JsonMapper json) {
		this.repository = repository;
		this.runner = runner;
		this.registry = registry;
		this.validator = validator;
		this.tasks = tasks;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.store = store;
		this.json = json;
	}

	/**
	 * Validates and queues a job.
	 * @param request the request
	 * @return the queued job
	 * @throws InvalidJobRequestException when the request is invalid
	 * @throws JobQueueFullException when {@code max-queued-jobs} jobs are waiting
	 */
	public TrainingJob submit(TrainingJobRequest request) {
		Dataset dataset = this.validator.validate(request);
		// Checked, not reserved: concurrent submissions may pass the limit by a few,
		// which bounds the queue all the same.
		if (this.repository.count(JobState.QUEUED) >= this.properties.maxQueuedJobs()) {
			throw new JobQueueFullException("the training queue is full: " + this.properties.maxQueuedJobs()
					+ " jobs are waiting (modelport.training.max-queued-jobs); retry later");
		}
		TrainingSettings settings = ((request.settings() != null) ? request.settings() : TaskRequest.unsetSettings())
			.withDefaults();
		String id = UUID.randomUUID().toString();
		TrainingTask task = this.tasks.find(request.task()).orElseThrow();
		int epochs = task.plannedEpochs(TrainingJobValidator.view(request, dataset, task));
		TrainingJob job = new TrainingJob(id, JobState.QUEUED, request.task(), request.model(), request, null, 0,
				epochs, List.of(), null, null, null, null, null, 0, Instant.now(), null, null);
		WorkerSpec spec = new WorkerSpec(id, request.model(),
				(request.architecture() != null && request.architecture().parameters() != null)
						? request.architecture().parameters() : Map.of(),
				settings, dataset,
				(request.input() != null && request.input().width() != null) ? request.input().width() : 0,
				(request.input() != null && request.input().height() != null) ? request.input().height() : 0,
				(request.limits() != null && request.limits().trainImages() != null) ? request.limits().trainImages()
						: 0,
				(request.limits() != null && request.limits().testImages() != null) ? request.limits().testImages() : 0,
				request.task(), request.faces(), request.words(), request.seq2seq());
		try {
			Path directory = Files.createDirectories(jobDirectory(id));
			this.json.writeValue(directory.resolve(TrainingWorker.SPEC_FILE).toFile(), spec);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot prepare the job folder", ex);
		}
		try {
			this.repository.insert(job);
		}
		catch (DataAccessException ex) {
			cleanUpQuietly(jobDirectory(id));
			throw ex;
		}
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
		return this.repository.findById(id).orElseThrow(() -> new JobNotFoundException(id));
	}

	/**
	 * One page of jobs, newest first.
	 * @param state only jobs in this state, or {@code null}
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the jobs
	 */
	public List<TrainingJob> list(JobState state, int page, int size) {
		return this.repository.page(state, page, size);
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
		Running run = this.running.get(id);
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
		cleanUp(id);
		ended(job, JobState.CANCELLED);
		return get(id);
	}

	/**
	 * Subscribes to a job's progress events.
	 * @param id the job id
	 * @return the emitter
	 */
	public org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(String id) {
		return this.events.subscribe(get(id));
	}

	@Override
	public void start() {
		int requeued = this.repository.requeueInterrupted(this.properties.maxAttempts());
		if (requeued > 0) {
			logger.info("Resuming " + requeued + " training jobs interrupted by the last shutdown");
		}
		this.active = true;
		this.scheduler = new Thread(this::schedule, "training-scheduler");
		this.scheduler.setDaemon(true);
		this.scheduler.start();
	}

	@Override
	public void stop() {
		this.active = false;
		wake();
		recordUnrecorded();
		for (Outcome outcome : this.unrecorded) {
			logger.warn("Training job " + outcome.run().job.id() + " ended " + outcome.state()
					+ " but the job store never recorded it; it stays RUNNING and runs again at the next start");
		}
		// Workers stop with the service; their jobs stay RUNNING in the store and resume
		// from their checkpoints at the next start.
		for (Running run : List.copyOf(this.running.values())) {
			run.shuttingDown = true;
			if (run.worker != null) {
				run.worker.cancel();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.active;
	}

	private void schedule() {
		while (this.active) {
			try {
				recordUnrecorded();
				while (this.active && this.running.size() < this.properties.maxConcurrentJobs()) {
					TrainingJob next = this.repository.claimNextQueued().orElse(null);
					if (next == null) {
						break;
					}
					launch(next);
				}
				storeReachable();
			}
			catch (DataAccessException | CannotCreateTransactionException ex) {
				storeUnreachable(ex);
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
		Running run = new Running(job);
		this.running.put(job.id(), run);
		this.events.publish(job.id(), "state", Map.of("state", JobState.RUNNING));
		try {
			run.worker = this.runner.start(job.id(), jobDirectory(job.id()), new WorkerListener(run));
		}
		catch (RuntimeException ex) {
			this.running.remove(job.id());
			fail(run, "cannot start a training worker: " + ex.getMessage());
		}
	}

	private void completed(Running run) {
		record(publish(run));
	}

	private Outcome publish(Running run) {
		String model = run.job.model();
		try {
			Path output = jobDirectory(run.job.id()).resolve("output").resolve(model).resolve("1");
			ModelDescriptor prepared = DescriptorParser.parse(model, 1, output);
			ModelVersion previous = currentDefault(model);
			boolean promote = shouldPromote(run.job, prepared, previous);
			if (previous != null && !promote) {
				// Keep serving the current default: a new highest version would otherwise
				// win.
				ModelSettings.writeDefaultVersion(this.store.resolve(model), previous.version());
			}
			ModelDescriptor published = ModelPublisher.publishNextVersion(prepared, this.store);
			RegisteredModel reloaded = this.registry.reload(model);
			ModelVersion version = reloaded.version(published.version());
			if (version == null || version.state() != ModelState.READY) {
				return Outcome.failed(run, "published version " + published.version() + " did not load: "
						+ ((version != null) ? version.failureReason() : "missing"));
			}
			if (promote && previous != null) {
				this.registry.promote(model, published.version());
			}
			Map<String, Object> report = this.json.readValue(
					published.directory().resolve(ModelPublisher.EVALUATION_FILE).toFile(),
					new TypeReference<Map<String, Object>>() {
					});
			logger.info("Training job " + run.job.id() + " published " + model + " version " + published.version()
					+ (promote ? " (default)" : ""));
			return new Outcome(run, JobState.SUCCEEDED, null, published.version(), promote, report);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Training job " + run.job.id() + " could not be published", ex);
			return Outcome.failed(run, "publishing the trained model failed: " + ex.getMessage());
		}
	}

	private boolean shouldPromote(TrainingJob job, ModelDescriptor prepared, ModelVersion previous) {
		PromotionPolicy policy = PromotionPolicy.fromId(
				(job.request().promotion() != null) ? job.request().promotion() : this.properties.defaultPromotion());
		if (previous == null) {
			return true;
		}
		return switch (policy) {
			case ALWAYS -> true;
			case NEVER -> false;
			case IF_BETTER -> {
				String metric = this.tasks.find(job.task()).map(TrainingTask::qualityMetric).orElse("testAccuracy");
				double before = quality((previous.descriptor() != null) ? previous.descriptor().provenance() : Map.of(),
						metric);
				yield quality(prepared.provenance(), metric) > before;
			}
		};
	}

	private ModelVersion currentDefault(String model) {
		try {
			ModelVersion version = this.registry.find(model).defaultVersion();
			return (version != null && version.state() == ModelState.READY) ? version : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	// The task's own quality metric; a version without it (trained before the metric
	// existed) always loses.
	private static double quality(Map<String, Object> provenance, String metric) {
		if (provenance.get("quality") instanceof Map<?, ?> quality && quality.get(metric) instanceof Number value) {
			return value.doubleValue();
		}
		return Double.NEGATIVE_INFINITY;
	}

	private void fail(Running run, String reason) {
		record(Outcome.failed(run, reason));
	}

	// Stores how a job ended; while the store is unreachable the outcome waits in memory
	// (with the job's checkpoints and output) and the scheduler tries again.
	private void record(Outcome outcome) {
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

	private void recordUnrecorded() {
		for (Outcome outcome : List.copyOf(this.unrecorded)) {
			record(outcome);
		}
	}

	private void storeReachable() {
		if (this.storeDown) {
			this.storeDown = false;
			logger.info("The job store is reachable again");
		}
	}

	private void storeUnreachable(RuntimeException ex) {
		if (!this.storeDown) {
			this.storeDown = true;
			logger.warn("The job store is unreachable; training jobs wait for it: " + ex.getMessage());
		}
	}

	private void ended(TrainingJob job, JobState state) {
		Instant started = (job.startedAt() != null) ? job.startedAt() : job.createdAt();
		this.metrics.finished(job.model(), state, Duration.between(started, Instant.now()));
		Object snapshot;
		try {
			snapshot = get(job.id());
		}
		catch (DataAccessException ex) {
			snapshot = Map.of("state", state);
		}
		this.events.publish(job.id(), "state", snapshot);
		this.events.complete(job.id());
		wake();
	}

	// Discards partial output and checkpoints; the spec and the worker log stay.
	private void cleanUp(String id) {
		try {
			ModelPublisher.deleteRecursively(jobDirectory(id).resolve("output"));
			ModelPublisher.deleteRecursively(jobDirectory(id).resolve("work"));
		}
		catch (IOException ex) {
			logger.warn("Cannot clean the folder of training job " + id + ": " + ex.getMessage());
		}
	}

	private static void cleanUpQuietly(Path directory) {
		try {
			ModelPublisher.deleteRecursively(directory);
		}
		catch (IOException ex) {
			logger.warn("Cannot remove " + directory + ": " + ex.getMessage());
		}
	}

	private Path jobDirectory(String id) {
		return this.properties.workDir().resolve(id);
	}

	private void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
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
	 * A job with a worker.
	 */
	private static final class Running {

		private final TrainingJob job;

		private final List<EpochRecord> history;

		private volatile JobRunner.RunningWorker worker;

		private volatile boolean cancelled;

		private volatile boolean shuttingDown;

		private volatile String failure;

		Running(TrainingJob job) {
			this.job = job;
			this.history = new ArrayList<>(job.history());
		}

		List<EpochRecord> historySnapshot() {
			synchronized (this.history) {
				return List.copyOf(this.history);
			}
		}

	}

	/**
	 * How a job ended, kept until the job store has recorded it.
	 *
	 * @param run the job
	 * @param state the terminal state
	 * @param reason why it failed
	 * @param version the published version
	 * @param promoted whether it became the default
	 * @param report the evaluation report
	 */
	private record Outcome(Running run, JobState state, String reason, Integer version, Boolean promoted,
			Map<String, Object> report) {

		static Outcome failed(Running run, String reason) {
			return new Outcome(run, JobState.FAILED, reason, null, null, null);
		}

	}

	/**
	 * Turns a worker's events into job progress.
	 */
	private final class WorkerListener implements JobRunner.Listener {

		private final Running run;

		WorkerListener(Running run) {
			this.run = run;
		}

		@Override
		public void onEvent(Map<String, Object> event) {
			String id = this.run.job.id();
			try {
				switch (String.valueOf(event.get("event"))) {
					case "started" ->
						TrainingJobService.this.repository.recordDevice(id, String.valueOf(event.get("device")));
					case "epoch" ->
						epoch(TrainingJobService.this.json.convertValue(event.get("result"), EpochRecord.class));
					case "failed" -> this.run.failure = String.valueOf(event.get("reason"));
					default -> {
					}
				}
			}
			catch (DataAccessException ex) {
				// The history stays in memory; the next write carries all of it.
				storeUnreachable(ex);
			}
		}

		private void epoch(EpochRecord epoch) {
			List<EpochRecord> history;
			synchronized (this.run.history) {
				this.run.history.removeIf((e) -> e.epoch() >= epoch.epoch());
				this.run.history.add(epoch);
				history = List.copyOf(this.run.history);
			}
			TrainingJobService.this.metrics.epoch(this.run.job.model(), epoch);
			TrainingJobService.this.events.publish(this.run.job.id(), "epoch", epoch);
			TrainingJobService.this.repository.recordProgress(this.run.job.id(), history);
		}

		@Override
		public void onExit(int exitCode, String logTail) {
			TrainingJobService.this.running.remove(this.run.job.id());
			if (this.run.cancelled || this.run.shuttingDown) {
				return;
			}
			if (exitCode == 0) {
				completed(this.run);
			}
			else {
				fail(this.run, exitReason(exitCode, this.run.failure, logTail));
			}
			wake();
		}

	}

}
