package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.jobs.JobRunner;
import io.modelport.jobs.TrainingProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner is inert unless chosen: without {@code modelport.training.runner=kubernetes}
 * no Kubernetes client is created. And the training overlay's settings file binds to the
 * typed properties.
 *
 * @author Modelport Team
 */
class KubernetesJobConfigurationTests {

	private static final Path TRAINING_CONFIG = Path.of(System.getProperty("modelport.repository", ".."),
			"k8s/overlays/training/config/application.yaml");

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, KubernetesJobConfiguration.class)
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build());

	@Test
	void createsNothingByDefault() {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(KubernetesClient.class);
			assertThat(context).doesNotHaveBean(JobRunner.class);
		});
		this.contexts.withPropertyValues("modelport.training.runner=process")
			.run((context) -> assertThat(context).doesNotHaveBean(KubernetesClient.class));
	}

	@Test
	void createsTheClientAndTheRunnerWhenChosen() {
		this.contexts
			.withPropertyValues("modelport.training.runner=kubernetes",
					"modelport.training.kubernetes.image=modelport:1", "modelport.training.kubernetes.namespace=ml",
					"modelport.training.kubernetes.volume-claim=modelport-data",
					"modelport.training.kubernetes.mount-path=/var/lib/modelport",
					"modelport.training.work-dir=/var/lib/modelport/jobs")
			.run((context) -> {
				assertThat(context).hasSingleBean(KubernetesClient.class);
				assertThat(context.getBean(JobRunner.class)).isInstanceOfSatisfying(KubernetesJobRunner.class,
						(runner) -> assertThat(runner.namespace()).isEqualTo("ml"));
			});
	}

	@Test
	void aMisconfiguredRunnerStopsTheStart() {
		this.contexts
			.withPropertyValues("modelport.training.runner=kubernetes",
					"modelport.training.kubernetes.volume-claim=modelport-data",
					"modelport.training.work-dir=/var/lib/modelport/jobs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("modelport.training.kubernetes.image"));
	}

	@Test
	void theTrainingOverlaysSettingsBind() throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("training",
				new FileSystemResource(TRAINING_CONFIG));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));

		assertThat(binder.bind("modelport.training.runner", String.class).get()).isEqualTo("kubernetes");
		KubernetesJobProperties properties = binder.bindOrCreate("modelport.training.kubernetes",
				KubernetesJobProperties.class);
		assertThat(properties.volumeClaim()).isEqualTo("modelport-data");
		assertThat(properties.mountPath()).isEqualTo(Path.of("/var/lib/modelport"));
		assertThat(properties.resources().requests()).containsKeys("cpu", "memory");
		assertThat(properties.resources().limits()).containsKeys("cpu", "memory");
		assertThat(properties.labels()).containsEntry("app.kubernetes.io/part-of", "modelport");
		assertThat(properties.backoffLimit()).isZero();
		assertThat(properties.activeDeadline()).isNotNull();
		TrainingProperties training = binder.bindOrCreate("modelport.training", TrainingProperties.class);
		assertThat(training.maxConcurrentJobs()).isEqualTo(2);
		assertThat(training.workerHeap()).isEqualTo("2g");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ KubernetesJobProperties.class, TrainingProperties.class })
	static class Properties {

	}

}
