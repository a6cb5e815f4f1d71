package io.modelport.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelNames;
import io.modelport.store.ModelStore;
import io.modelport.store.Task;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TaskRequest;
import io.modelport.training.TrainingSettings;
import io.modelport.training.TrainingTask;
import io.modelport.training.TrainingTasks;

/**
 * Checks a job request up front, field by field, so a bad request never starts a worker.
 *
 * @author Modelport Team
 */
class TrainingJobValidator {

	private final DatasetCatalog datasets;

	private final TrainingTasks tasks;

	private final ParentVersions parents;

	TrainingJobValidator(DatasetCatalog datasets) {
		this(datasets, TrainingTasks.load());
	}

	TrainingJobValidator(DatasetCatalog datasets, TrainingTasks tasks) {
		this(datasets, tasks, null);
	}

	TrainingJobValidator(DatasetCatalog datasets, TrainingTasks tasks, ModelStore store) {
		this.datasets = datasets;
		this.tasks = tasks;
		this.parents = new ParentVersions(store);
	}

	/**
	 * The version a valid request's {@code initFrom} names.
	 * @param request the request, validated
	 * @return its descriptor, {@code null} when the request has no {@code initFrom}
	 */
	ModelDescriptor parent(TrainingJobRequest request) {
		if (request.initFrom() == null) {
			return null;
		}
		List<FieldError> errors = new ArrayList<>();
		ModelDescriptor parent = this.parents.find(request.initFrom(), errors);
		if (parent == null) {
			throw new InvalidJobRequestException(errors);
		}
		return parent;
	}

	/**
	 * Validates a request: the parts every job has here, the task's own parts in its
	 * training plug-in.
	 * @param request the request
	 * @return the data set it names
	 * @throws InvalidJobRequestException listing every invalid field
	 */
	Dataset validate(TrainingJobRequest request) {
		List<FieldError> errors = new ArrayList<>();
		BiConsumer<String, String> report = (field, message) -> errors.add(new FieldError(field, message));
		TrainingTask task = task(request.task(), errors);
		if (!ModelNames.isValid(request.model())) {
			errors.add(new FieldError("model", "must be 1-64 lower-case letters, digits, '.', '-' or '_'"));
		}
		Dataset dataset = (request.dataset() != null) ? this.datasets.find(request.dataset()).orElse(null) : null;
		TaskRequest view = view(request, dataset, task);
		// A request for a task that cannot be trained is checked as the default task
		// (a classifier) for the rest, so one answer lists every error.
		TrainingTask checks = (task != null) ? task : this.tasks.find(Task.CLASSIFIER.id()).orElse(null);
		if (request.initFrom() != null) {
			initFrom(request, task, errors, report);
		}
		else if (checks != null) {
			checks.checkArchitecture(view, report);
		}
		else {
			unknownTaskArchitecture(request.architecture(), errors);
		}
		if (request.dataset() == null) {
			errors.add(new FieldError("dataset", "is required"));
		}
		else if (dataset == null) {
			errors.add(new FieldError("dataset", "unknown data set '" + request.dataset() + "'"));
		}
		else if (checks != null) {
			checks.checkDataset(dataset, report);
		}
		if (request.input() != null) {
			range(errors, "input.width", request.input().width(), 8, 512);
			range(errors, "input.height", request.input().height(), 8, 512);
		}
		settings(view.settings(), errors);
		for (TrainingTask other : this.tasks.all()) {
			if (other == task) {
				task.checkSettings(view, report);
			}
			else if (other.settingsField() != null && request.taskSettings(other.settingsField()) != null) {
				errors.add(new FieldError(other.settingsField(), "only applies to " + other.description()));
			}
		}
		if (request.promotion() != null) {
			try {
				PromotionPolicy.fromId(request.promotion());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("promotion", ex.getMessage()));
			}
		}
		if (request.limits() != null) {
			range(errors, "limits.trainImages", request.limits().trainImages(), 0, Integer.MAX_VALUE);
			range(errors, "limits.testImages", request.limits().testImages(), 0, Integer.MAX_VALUE);
		}
		if (!errors.isEmpty()) {
			throw new InvalidJobRequestException(errors);
		}
		return dataset;
	}

	/**
	 * The request in the training plug-ins' terms.
	 * @param request the request
	 * @param dataset the data set it names, {@code null} when unknown
	 * @param task the task's plug-in, {@code null} when unknown
	 * @return the view
	 */
	static TaskRequest view(TrainingJobRequest request, Dataset dataset, TrainingTask task) {
		TrainingJobRequest.ArchitectureRequest architecture = request.architecture();
		Map<String, Object> parameters = (architecture != null && architecture.parameters() != null)
				? architecture.parameters() : Map.of();
		TrainingSettings settings = (request.settings() != null) ? request.settings() : TaskRequest.unsetSettings();
		return new TaskRequest((architecture != null) ? architecture.name() : null, parameters, architecture != null,
				request.settings() != null, settings, request.input() != null, request.limits() != null, dataset,
				(task != null) ? request.taskSettings(task.settingsField()) : null);
	}

	private TrainingTask task(String task, List<FieldError> errors) {
		if (task == null) {
			errors.add(new FieldError("task", "is required"));
			return null;
		}
		try {
			Task parsed = Task.fromId(task);
			TrainingTask training = this.tasks.find(parsed.id()).orElse(null);
			if (training == null) {
				errors.add(new FieldError("task", "training " + task + " models is not supported yet"));
			}
			return training;
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("task", ex.getMessage()));
			return null;
		}
	}

	// A run that starts from a stored version has that version's network and input
	// size; the task checks the rest (which versions it can start from, freeze).
	private void initFrom(TrainingJobRequest request, TrainingTask task, List<FieldError> errors,
			BiConsumer<String, String> report) {
		ModelDescriptor parent = this.parents.find(request.initFrom(), errors);
		if (request.architecture() != null) {
			errors.add(new FieldError("architecture", "comes from the initFrom version; leave it out"));
		}
		if (request.input() != null) {
			errors.add(new FieldError("input", "is the initFrom version's input size; leave it out"));
		}
		if (task != null) {
			task.checkInitFrom(request.initFrom(), parent, report);
		}
	}

	// Without a known task only a preset name given can be checked.
	private static void unknownTaskArchitecture(TrainingJobRequest.ArchitectureRequest architecture,
			List<FieldError> errors) {
		if (architecture != null && architecture.name() != null
				&& !ArchitectureCatalog.names().contains(architecture.name())) {
			errors.add(new FieldError("architecture.name", "unknown architecture '" + architecture.name()
					+ "', expected one of " + ArchitectureCatalog.names()));
		}
	}

	private static void settings(TrainingSettings s, List<FieldError> errors) {
		range(errors, "settings.epochs", s.epochs(), 1, 1000);
		range(errors, "settings.batchSize", s.batchSize(), 1, 4096);
		OptimizerSettings o = (s.optimizer() != null) ? s.optimizer()
				: new OptimizerSettings(null, null, null, null, null, null);
		if (o.type() != null && !OptimizerSettings.TYPES.contains(o.type())) {
			errors.add(new FieldError("settings.optimizer.type", "must be one of " + OptimizerSettings.TYPES
					+ " (RMSProp, AdaGrad and AdaDelta are not implemented by DJL's PyTorch engine)"));
		}
		positive(errors, "settings.optimizer.learningRate", o.learningRate(), 10);
		fraction(errors, "settings.optimizer.momentum", o.momentum(), 0, 0.999);
		fraction(errors, "settings.optimizer.beta1", o.beta1(), 0, 0.999999);
		fraction(errors, "settings.optimizer.beta2", o.beta2(), 0, 0.999999);
		positive(errors, "settings.optimizer.epsilon", o.epsilon(), 1);
		ScheduleSettings schedule = s.schedule();
		if (schedule != null) {
			if (schedule.type() != null && !ScheduleSettings.TYPES.contains(schedule.type())) {
				errors.add(new FieldError("settings.schedule.type", "must be one of " + ScheduleSettings.TYPES));
			}
			positive(errors, "settings.schedule.decay", schedule.decay(), 100);
			range(errors, "settings.schedule.stepEpochs", schedule.stepEpochs(), 1, 1000);
		}
		fraction(errors, "settings.weightDecay", s.weightDecay(), 0, 1);
		fraction(errors, "settings.gradientClip", s.gradientClip(), 0, 1e6);
		range(errors, "settings.earlyStoppingPatience", s.earlyStoppingPatience(), 0, 1000);
		fraction(errors, "settings.devFraction", s.devFraction(), 0.001, 0.5);
		fraction(errors, "settings.testFraction", s.testFraction(), 0.001, 0.5);
		range(errors, "settings.maxShift", s.maxShift(), 0, 8);
	}

	private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.add(new FieldError(field, "must be between " + min + " and " + max + ", was " + value));
		}
	}

	private static void positive(List<FieldError> errors, String field, Double value, double max) {
		if (value != null && !(Double.isFinite(value) && value > 0 && value <= max)) {
			errors.add(new FieldError(field, "must be a finite number in (0, " + max + "], was " + value));
		}
	}

	private static void fraction(List<FieldError> errors, String field, Double value, double min, double max) {
		if (value != null && !(Double.isFinite(value) && value >= min && value <= max)) {
			errors.add(new FieldError(field, "must be a finite number in [" + min + ", " + max + "], was " + value));
		}
	}

}
