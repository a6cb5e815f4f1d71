package io.modelport.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the model store: UP when every required model serves its default version,
 * OUT_OF_SERVICE otherwise. Models that are not required show their state without
 * affecting the status, so one broken optional model never takes a pod out of rotation.
 *
 * @author Modelport Team
 */
class ModelsHealthIndicator implements HealthIndicator {

	private final ModelRegistry registry;

	ModelsHealthIndicator(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		for (RegisteredModel model : this.registry.models()) {
			ModelVersion version = model.defaultVersion();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("version", (version != null) ? version.version() : null);
			detail.put("state", (version != null) ? version.state() : "NO_VERSIONS");
			detail.put("required", model.required());
			details.put(model.name(), detail);
		}
		boolean up = this.registry.requiredModelsReady();
		return (up ? Health.up() : Health.outOfService()).withDetails(details).build();
	}

}
