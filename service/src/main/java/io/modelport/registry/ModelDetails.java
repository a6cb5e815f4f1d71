package io.modelport.registry;

import java.util.List;

/**
 * A model with all its versions.
 *
 * @param name the model name
 * @param description the description from {@code model.yaml}
 * @param defaultVersion the version served by default
 * @param required whether readiness waits for this model
 * @param versions the versions, ascending
 * @author Modelport Team
 */
public record ModelDetails(String name, String description, Integer defaultVersion, boolean required,
		List<VersionDetails> versions) {

	static ModelDetails of(RegisteredModel model) {
		ModelVersion version = model.defaultVersion();
		return new ModelDetails(model.name(), model.settings().description(),
				(version != null) ? version.version() : null, model.required(),
				model.versions().stream().map(VersionDetails::of).toList());
	}

}
