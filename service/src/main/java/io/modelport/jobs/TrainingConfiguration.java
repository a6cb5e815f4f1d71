package io.modelport.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.DatasetCatalog;
import io.modelport.registry.ModelRegistry;
import io.modelport.store.ModelStore;
import io.modelport.store.ModelStoreProperties;
import io.modelport.training.TrainingTasks;

/**
 * Wires the training-job service. {@code modelport.training.runner} picks the runner:
 * {@code process} (the default) starts local worker processes, {@code kubernetes} starts
 * Kubernetes Jobs ({@code io.modelport.jobs.kubernetes}); any other value leaves no
 * runner and the service fails to start.
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

	// A runner bean of the application's own (tests stand one in) replaces this one.
	@Bean
	@ConditionalOnMissingBean(JobRunner.class)
	@ConditionalOnProperty(name = "modelport.training.runner", havingValue = "process", matchIfMissing = true)
	JobRunner jobRunner(TrainingProperties properties, JsonMapper json) {
		return new ProcessJobRunner(properties, json);
	}

	@Bean
	TrainingMetrics trainingMetrics(TrainingJobRepository repository) {
		return new TrainingMetrics(repository);
	}

	// The tasks' training plug-ins, from the same service files the worker JVM reads.
	@Bean
	TrainingTasks trainingTasks() {
		return TrainingTasks.load();
	}

	@Bean
	TrainingJobService trainingJobService(TrainingJobRepository repository, JobRunner runner, ModelRegistry registry,
			DatasetCatalog datasets, TrainingTasks tasks, TrainingMetrics metrics, TrainingProperties properties,
			ModelStoreProperties store, ModelStore models, JsonMapper json) {
		return new TrainingJobService(repository, runner, registry, new TrainingJobValidator(datasets, tasks, models),
				tasks, new JobEvents(), metrics, properties, store.location(), json);
	}

}
