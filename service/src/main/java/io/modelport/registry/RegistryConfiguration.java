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

	@Bean
	ModelRegistry modelRegistry(ModelStore store, ModelLoader loader, ModelStoreProperties properties,
			MeterRegistry meters) {
		return new ModelRegistry(store, loader, properties, meters);
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
