package io.modelport.training;

import java.util.Map;

import io.modelport.datasets.Dataset;

/**
 * What a training task checks of a job request, in the terms of the training layer.
 *
 * @param architectureName the architecture preset named, {@code null} when none
 * @param architectureParameters its hyperparameters, never {@code null}
 * @param architectureGiven whether the request has an {@code architecture} member
 * @param settingsGiven whether the request has a {@code settings} member
 * @param settings the training settings, all unset when not given
 * @param inputGiven whether the request has an {@code input} member
 * @param limitsGiven whether the request has a {@code limits} member
 * @param dataset the data set named, {@code null} when unknown
 * @param taskSettings the task's own settings object, {@code null} when not given
 * @author Modelport Team
 */
public record TaskRequest(String architectureName, Map<String, Object> architectureParameters,
		boolean architectureGiven, boolean settingsGiven, TrainingSettings settings, boolean inputGiven,
		boolean limitsGiven, Dataset dataset, Object taskSettings) {

	/**
	 * Settings with nothing set.
	 * @return the settings
	 */
	public static TrainingSettings unsetSettings() {
		return new TrainingSettings(null, null, null, null, null, null, null, null, null, null, null, null);
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

}
