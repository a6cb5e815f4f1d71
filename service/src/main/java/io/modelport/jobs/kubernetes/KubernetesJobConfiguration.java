package io.modelport.jobs.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.jobs.JobRunner;
import io.modelport.jobs.TrainingProperties;

/**
 * The Kubernetes-Job runner, in place of the local worker processes, when
 * {@code modelport.training.runner=kubernetes}. Otherwise nothing here is created: no
 * Kubernetes client, no connection.
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "modelport.training.runner", havingValue = "kubernetes")
class KubernetesJobConfiguration {

	// In a pod: the API server, namespace and token of its service account.
	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient() {
		return new KubernetesClientBuilder().build();
	}

	@Bean
	JobRunner kubernetesJobRunner(KubernetesClient kubernetesClient, KubernetesJobProperties properties,
			TrainingProperties training, JsonMapper json) {
		return new KubernetesJobRunner(kubernetesClient, properties, training, json);
	}

}
