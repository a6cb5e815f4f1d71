package io.modelport.registry;

import java.util.List;

/**
 * One line of the model list.
 *
 * @param name the model name
 * @param task the task of the default version, {@code null} when unknown
 * @param defaultVersion the version served by default
 * @param state the state of the default version
 * @param required whether readiness waits for this model
 * @param versions all version numbers
 * @author Modelport Team
 */
public record ModelSummary(String name, String task, Integer defaultVersion, String state, boolean required,
		List<Integer> versions) {

	static ModelSummary of(RegisteredModel model) {
		ModelVersion version = model.defaultVersion();
		String task = (version != null && version.descriptor() != null) ? version.descriptor().task().id() : null;
		return new ModelSummary(model.name(), task, (version != null) ? version.version() : null,
				(version != null) ? version.state().name() : null, model.required(),
				model.versions().stream().map(ModelVersion::version).toList());
	}

}
