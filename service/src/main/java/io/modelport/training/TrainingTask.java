package io.modelport.training;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * One task's training plug-in, the training counterpart of serving's task adapter: what
 * its job request may hold, which data sets it trains on, how many epochs it plans, the
 * quality metric {@code if-better} promotion compares, and the training run itself.
 * Implementations live in the task's own {@code <task>.training} package and are listed
 * in {@code META-INF/services/io.modelport.training.TrainingTask}; the service and the
 * worker JVM both find them there ({@link TrainingTasks}), so adding a task is one
 * package and one line.
 *
 * @author Modelport Team
 */
public interface TrainingTask {

	/**
	 * The task trained.
	 * @return the task
	 */
	Task task();

	/**
	 * The request member that holds this task's own settings ({@code faces},
	 * {@code words}, ...).
	 * @return the member name, {@code null} when the task has none
	 */
	default String settingsField() {
		return null;
	}

	/**
	 * How messages name who a settings object is for.
	 * @return for example {@code a face-verifier}
	 */
	default String description() {
		return task().id();
	}

	/**
	 * The architecture preset this task trains: a request's {@code architecture.name} may
	 * only name it, and defaults to it.
	 * @return the preset, {@code null} for tasks whose own settings choose the network
	 * (they override {@link #checkArchitecture})
	 */
	default String architecture() {
		return null;
	}

	/**
	 * Builds the task's network from a request's architecture parameters, to check them.
	 * @param parameters the parameters given, each defaulting to the preset's own
	 * @throws IllegalArgumentException when a value is invalid
	 */
	default void checkParameters(Map<String, Object> parameters) {
	}

	/**
	 * Checks the architecture part of a request (or that there is none, for tasks whose
	 * settings choose their network). By default: the task's {@link #architecture()}
	 * preset, named or left out, whose parameters pass {@link #checkParameters}.
	 * @param request the request
	 * @param errors receives a field path and a message per error
	 */
	default void checkArchitecture(TaskRequest request, BiConsumer<String, String> errors) {
		ArchitectureChecks.check(request, task().id(), architecture(), this::checkParameters, errors);
	}

	/**
	 * The kinds of data set this task trains on, for the default {@link #checkDataset}.
	 * @return the kinds
	 */
	default Set<DatasetKind> datasetKinds() {
		return EnumSet.allOf(DatasetKind.class);
	}

	/**
	 * What a refused data set's message says this task trains on.
	 * @return for example {@code a classifier trains on images}
	 */
	default String trainsOn() {
		return description() + " trains on " + datasetKinds();
	}

	/**
	 * Checks that a data set holds what this task trains on: by default, one of
	 * {@link #datasetKinds()}.
	 * @param dataset the data set, never {@code null}
	 * @param errors receives a field path and a message per error
	 */
	default void checkDataset(Dataset dataset, BiConsumer<String, String> errors) {
		if (!datasetKinds().contains(dataset.kind())) {
			errors.accept("dataset",
					"data set '" + dataset.name() + "' holds " + dataset.kind().id() + ", " + trainsOn());
		}
	}

	/**
	 * Checks the task's own settings object.
	 * @param request the request
	 * @param errors receives a field path and a message per error
	 */
	default void checkSettings(TaskRequest request, BiConsumer<String, String> errors) {
	}

	/**
	 * Checks that a run may start from a stored version ({@code initFrom}) and how it
	 * freezes layers; tasks that always start from a fresh network refuse it.
	 * @param initFrom the request member, its model and version already found
	 * @param parent the descriptor of the version named
	 * @param errors receives a field path and a message per error
	 */
	default void checkInitFrom(InitFrom initFrom, ModelDescriptor parent, BiConsumer<String, String> errors) {
		errors.accept("initFrom", "a " + task().id() + " job always trains a new network; initFrom applies to "
				+ Task.FACE_VERIFIER.id() + " jobs");
	}

	/**
	 * How many epochs a valid request will report, for the job's progress.
	 * @param request the request
	 * @return the epochs
	 */
	default int plannedEpochs(TaskRequest request) {
		return request.settings().withDefaults().epochs();
	}

	/**
	 * The member of a version's {@code provenance.quality} that {@code if-better}
	 * promotion compares; higher is better.
	 * @return the metric name
	 */
	String qualityMetric();

	/**
	 * Sets up the worker JVM before the engine starts (thread counts and the like).
	 */
	default void prepareWorker() {
	}

	/**
	 * Trains, checkpointing in the run's work folder and resuming from a checkpoint found
	 * there.
	 * @param run the job's data set and settings
	 * @param device where to train
	 * @param progress receives each epoch's result
	 * @return the trained model, ready to publish
	 * @throws IOException when data or checkpoints cannot be read or written
	 */
	TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException;

	/**
	 * Runs the task's trainer command
	 * ({@code modelport train <task> --option value ...}), which trains outside the job
	 * service and writes into a model store.
	 * @param args the options
	 * @throws IOException when data or output cannot be read or written
	 */
	default void runCommand(String[] args) throws IOException {
		throw new UnsupportedOperationException("task " + task().id() + " has no trainer command");
	}

}
