package io.modelport.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes {@code modelport.model.versions{state}}: how many model versions are in each
 * state, so a dashboard can alert on FAILED or stuck LOADING versions.
 *
 * @author Modelport Team
 */
class ModelRegistryMetrics implements MeterBinder {

	private final ModelRegistry registry;

	ModelRegistryMetrics(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		for (ModelState state : ModelState.values()) {
			Gauge.builder("modelport.model.versions", this.registry, (registry) -> count(registry, state))
				.description("Model versions per load state")
				.tag("state", state.name())
				.register(meters);
		}
	}

	private static double count(ModelRegistry registry, ModelState state) {
		return registry.models()
			.stream()
			.flatMap((model) -> model.versions().stream())
			.filter((version) -> version.state() == state)
			.count();
	}

}
