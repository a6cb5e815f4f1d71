package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.Dataset;
import io.modelport.jobs.worker.TrainingWorker;
import io.modelport.jobs.worker.WorkerSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.ModelPublisher;
import io.modelport.training.TaskRequest;
import io.modelport.training.TrainingSettings;
import io.modelport.training.TrainingTask;
import io.modelport.training.TrainingTasks;

/**
 * Admits a job: validates the request, bounds the queue, writes the worker's spec into
 * the job folder and stores the job as QUEUED.
 *
 * @author Modelport Team
 */
class JobAdmission {

	private static final Log logger = LogFactory.getLog(JobAdmission.class);

	private final TrainingJobRepository repository;

	private final TrainingJobValidator validator;

	private final TrainingTasks tasks;

	private final TrainingProperties properties;

	private final JsonMapper json;

	JobAdmission(TrainingJobRepository repository, TrainingJobValidator validator, TrainingTasks tasks,
			TrainingProperties properties, JsonMapper json) {
		this.repository = repository;
		this.validator = validator;
		this.tasks = tasks;
		this.properties = properties;
		this.json = json;
	}

	TrainingJob admit(TrainingJobRequest request) {
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
				epochs, List.of(), null, null, null, null, null, null, 0, Instant.now(), null, null);
		Path directory = this.properties.workDir().resolve(id);
		try {
			Files.createDirectories(directory);
			ModelDescriptor parent = this.validator.parent(request);
			if (parent != null) {
				ParentVersions.copy(parent, directory.resolve(WorkerSpec.PARENT_FOLDER));
			}
			this.json.writeValue(directory.resolve(TrainingWorker.SPEC_FILE).toFile(),
					spec(id, request, settings, dataset));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot prepare the job folder", ex);
		}
		try {
			this.repository.insert(job);
		}
		catch (DataAccessException ex) {
			try {
				ModelPublisher.deleteRecursively(directory);
			}
			catch (IOException cleanUp) {
				logger.warn("Cannot remove " + directory + ": " + cleanUp.getMessage());
			}
			throw ex;
		}
		return job;
	}

	private static WorkerSpec spec(String id, TrainingJobRequest request, TrainingSettings settings, Dataset dataset) {
		TrainingJobRequest.InputSize input = request.input();
		TrainingJobRequest.Limits limits = request.limits();
		return new WorkerSpec(id, request.model(),
				(request.architecture() != null && request.architecture().parameters() != null)
						? request.architecture().parameters() : Map.of(),
				settings, dataset, (input != null && input.width() != null) ? input.width() : 0,
				(input != null && input.height() != null) ? input.height() : 0,
				(limits != null && limits.trainImages() != null) ? limits.trainImages() : 0,
				(limits != null && limits.testImages() != null) ? limits.testImages() : 0, request.task(),
				request.faces(), request.words(), request.seq2seq(), request.initFrom());
	}

}
