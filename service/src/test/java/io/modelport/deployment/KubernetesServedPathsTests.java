package io.modelport.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.ModelportApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the manifests point at is what the service serves: it starts on 127.0.0.1 with the
 * production overlay's settings files, read through the same
 * {@code SPRING_CONFIG_ADDITIONAL_LOCATION} wildcard the pods use, and answers 200 on
 * every probe path and on the ServiceMonitor's path, whose scrape holds the series the
 * autoscaler scales on.
 *
 * @author Modelport Team
 */
@Tag("integration")
class KubernetesServedPathsTests {

	@Test
	void theServiceAnswersEveryPathTheManifestsUse(@TempDir Path dir) throws Exception {
		List<Rendered> rendered = Kustomize.renderAll();
		Set<String> paths = new TreeSet<>();
		Set<String> metrics = new TreeSet<>();
		for (Rendered overlay : rendered) {
			Container container = overlay.container();
			for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
					container.getReadinessProbe())) {
				paths.add(probe.getHttpGet().getPath());
			}
			for (GenericKubernetesResource monitor : overlay.custom("ServiceMonitor")) {
				for (Object endpoint : (List<?>) ((Map<?, ?>) monitor.getAdditionalProperties().get("spec"))
					.get("endpoints")) {
					paths.add(String.valueOf(((Map<?, ?>) endpoint).get("path")));
				}
			}
			for (HorizontalPodAutoscaler autoscaler : overlay.all(HorizontalPodAutoscaler.class)) {
				autoscaler.getSpec()
					.getMetrics()
					.stream()
					.filter((metric) -> "Pods".equals(metric.getType()))
					.map(MetricSpec::getPods)
					.forEach((pods) -> metrics.add(pods.getMetric().getName()));
			}
		}
		assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus");
		assertThat(metrics).isNotEmpty();

		Rendered production = rendered.stream()
			.filter((overlay) -> overlay.name().equals("overlays/production"))
			.findFirst()
			.orElseThrow();
		for (Map.Entry<String, String> file : production.settingsFiles().entrySet()) {
			Path folder = Files.createDirectories(dir.resolve("etc").resolve(file.getKey()));
			Files.writeString(folder.resolve("application.yaml"), file.getValue());
		}
		try (ConfigurableApplicationContext context = start(dir)) {
			assertThat(context.getEnvironment().getProperty("spring.lifecycle.timeout-per-shutdown-phase"))
				.as("read from the ConfigMap's file")
				.isEqualTo("30s");
			LocalHttp http = LocalHttp
				.ready(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			for (String path : paths) {
				ResponseEntity<String> response = http.get(path);
				assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
				if (path.equals("/actuator/prometheus")) {
					for (String metric : metrics) {
						assertThat(response.getBody()).as("the autoscaler's metric is scraped").contains(metric + "{");
					}
				}
			}
		}
	}

	private static ConfigurableApplicationContext start(Path dir) throws IOException {
		Path store = Fixtures.tinyModelStore("modelport-k8s-paths");
		return new SpringApplicationBuilder(ModelportApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--modelport.training.work-dir=" + dir.resolve("jobs"),
				"--modelport.datasets.location=" + dir.resolve("datasets"),
				"--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--spring.config.additional-location=optional:file:" + dir.resolve("etc") + "/*/");
	}

}
