package io.modelport.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.modelport.store.ModelDescriptor;

/**
 * Everything about one model version that a client or operator may want.
 *
 * @param version the version number
 * @param state its load state
 * @param failureReason why it failed, {@code null} unless FAILED
 * @param task the task
 * @param format the artifact format
 * @param architecture the architecture name and hyperparameters
 * @param input the input spec
 * @param labels the class labels
 * @param parameters the task parameters
 * @param quality the measured quality figures from the descriptor's provenance
 * @param provenance how the model was trained
 * @param loadedAt when it became READY
 * @param loadMillis how long loading took
 * @author Modelport Team
 */
public record VersionDetails(int version, String state, String failureReason, String task, String format,
		Map<String, Object> architecture, Map<String, Object> input, List<String> labels,
		Map<String, Object> parameters, Object quality, Map<String, Object> provenance, Instant loadedAt,
		Long loadMillis) {

	static VersionDetails of(ModelVersion version) {
		ModelDescriptor d = version.descriptor();
		Long millis = (version.loadDuration() != null) ? version.loadDuration().toMillis() : null;
		if (d == null) {
			return new VersionDetails(version.version(), version.state().name(), version.failureReason(), null, null,
					null, null, List.of(), Map.of(), null, Map.of(), version.loadedAt(), millis);
		}
		Map<String, Object> architecture = (d.architecture() != null)
				? Map.of("name", d.architecture().name(), "parameters", d.architecture().parameters()) : null;
		Map<String, Object> input = (d.input() != null)
				? Map.of("width", d.input().width(), "height", d.input().height(), "channels", d.input().channels(),
						"scale", d.input().scale(), "mean", d.input().mean(), "std", d.input().std())
				: null;
		return new VersionDetails(version.version(), version.state().name(), version.failureReason(), d.task().id(),
				d.format().id(), architecture, input, d.labels(), d.parameters(), d.provenance().get("quality"),
				d.provenance(), version.loadedAt(), millis);
	}

}
