package io.modelport.registry;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.ModelStore;
import io.modelport.store.ModelStoreProperties;
import io.modelport.store.StoreSeed;
import io.modelport.store.StoreSeedProperties;

/**
 * Wires the store, the loader and the registry with its health and metrics.
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

	@Bean
	ModelStore modelStore(ModelStoreProperties properties, StoreSeedProperties seed) {
		StoreSeed.copyMissing(seed.seedFrom(), properties.location());
		return new ModelStore(properties.location(), properties.allowedLocations());
	}

	@Bean
	ModelLoader modelLoader(List<TaskAdapter> adapters, RuntimeProperties properties, MeterRegistry meters) {
		return new ModelLoader(adapters, properties, meters);
	}

	// Models start loading as soon as the registry exists, on its loader threads, while
	// the main thread goes on building the rest of the context (Flyway, actuator, MVC):
	// loading them only at the lifecycle start made a cold start wait for both in turn.
	// The context then finds the registry running and does not start it again; it stops
	// it as before, and a context that fails to start stops it too.
	@Bean(destroyMethod = "stop")
	ModelRegistry modelRegistry(ModelStore store, ModelLoader loader, ModelStoreProperties properties,
			MeterRegistry meters) {
		ModelRegistry registry = new ModelRegistry(store, loader, properties, meters);
		registry.start();
		return registry;
	}

	@Bean("models")
	ModelsHealthIndicator modelsHealthIndicator(ModelRegistry registry) {
		return new ModelsHealthIndicator(registry);
	}

	@Bean
	ModelRegistryMetrics modelRegistryMetrics(ModelRegistry registry) {
		return new ModelRegistryMetrics(registry);
	}

}
