package io.modelport.training;

import java.nio.file.Path;
import java.util.Map;

import io.modelport.datasets.Dataset;

/**
 * One training run as a worker hands it to a {@link TrainingTask}.
 *
 * @param jobId the job id
 * @param model the model name to publish as
 * @param architectureParameters the network's hyperparameters
 * @param settings the training settings as given (a task fills its own defaults)
 * @param dataset the data set
 * @param width the input width, 0 for the task's default
 * @param height the input height, 0 for the task's default
 * @param trainLimit the training example limit, 0 for the task's default
 * @param testLimit the test example limit, 0 for the task's default
 * @param taskSettings the task's own settings object, {@code null} for defaults
 * @param work the folder for checkpoints and intermediate files
 * @param initFrom the stored version to start from, {@code null} for a fresh network
 * @param parent the folder holding a copy of that version's descriptor and artifacts,
 * {@code null} without {@code initFrom}
 * @author Modelport Team
 */
public record TaskRun(String jobId, String model, Map<String, Object> architectureParameters, TrainingSettings settings,
		Dataset dataset, int width, int height, int trainLimit, int testLimit, Object taskSettings, Path work,
		InitFrom initFrom, Path parent) {

	/**
	 * A run of a fresh network.
	 * @param jobId the job id
	 * @param model the model name
	 * @param architectureParameters the hyperparameters
	 * @param settings the training settings
	 * @param dataset the data set
	 * @param width the input width
	 * @param height the input height
	 * @param trainLimit the training example limit
	 * @param testLimit the test example limit
	 * @param taskSettings the task's own settings
	 * @param work the work folder
	 */
	public TaskRun(String jobId, String model, Map<String, Object> architectureParameters, TrainingSettings settings,
			Dataset dataset, int width, int height, int trainLimit, int testLimit, Object taskSettings, Path work) {
		this(jobId, model, architectureParameters, settings, dataset, width, height, trainLimit, testLimit,
				taskSettings, work, null, null);
	}

	/**
	 * The task's own settings as their type.
	 * @param <T> the settings type
	 * @param type the settings type
	 * @param unset the settings to use when none were given
	 * @return the settings
	 */
	public <T> T taskSettings(Class<T> type, T unset) {
		return (this.taskSettings != null) ? type.cast(this.taskSettings) : unset;
	}

	/**
	 * What a published version's provenance says made it.
	 * @return the source, naming the job
	 */
	public String source() {
		return "training job " + this.jobId;
	}

	/**
	 * A number from the data set's details ({@code width}, {@code height}).
	 * @param key the detail
	 * @param fallback the value when the detail is missing
	 * @return the value
	 */
	public int detail(String key, int fallback) {
		Object value = this.dataset.details().get(key);
		return (value instanceof Number number) ? number.intValue() : fallback;
	}

}
