package io.modelport.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model with every version, as {@code GET /api/v1/models/{model}} describes it.
 *
 * @param name the model name
 * @param description what it is
 * @param defaultVersion the version that answers by default
 * @param required whether readiness waits for it
 * @param versions every version
 * @author Modelport Team
 */
public record ModelDetails(String name, String description, Integer defaultVersion, boolean required,
		List<Version> versions) {

	/**
	 * The default version's task, or the newest version's when there is no default.
	 * @return the task, {@code null} when no version has one
	 */
	public String task() {
		return this.versions.stream()
			.filter((version) -> version.task() != null)
			.filter((version) -> this.defaultVersion == null || version.version() == this.defaultVersion)
			.map(Version::task)
			.reduce((first, last) -> last)
			.orElse(null);
	}

	/**
	 * One version of a model.
	 *
	 * @param version the version number
	 * @param state LOADING, READY, FAILED or UNLOADED
	 * @param failureReason why it failed to load
	 * @param task its task
	 * @param format its weights' format
	 * @param architecture its architecture name and parameters
	 * @param input its input size and normalisation
	 * @param labels its labels
	 * @param parameters task parameters
	 * @param quality the quality figures its training measured
	 * @param provenance where it came from
	 * @param loadedAt when it was loaded
	 * @param loadMillis how long loading took
	 * @author Modelport Team
	 */
	public record Version(int version, String state, String failureReason, String task, String format,
			Map<String, Object> architecture, Map<String, Object> input, List<String> labels,
			Map<String, Object> parameters, Object quality, Map<String, Object> provenance, Instant loadedAt,
			Long loadMillis) {

	}

}
