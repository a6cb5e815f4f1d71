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
 * @author Modelport Team
 */
public record TaskRun(String jobId, String model, Map<String, Object> architectureParameters, TrainingSettings settings,
		Dataset dataset, int width, int height, int trainLimit, int testLimit, Object taskSettings, Path work) {

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
