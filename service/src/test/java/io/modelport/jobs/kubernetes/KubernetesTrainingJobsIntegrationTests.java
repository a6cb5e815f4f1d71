package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.SlowTest;
import io.modelport.jobs.JobFolders;
import io.modelport.jobs.worker.TrainingWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service with {@code modelport.training.runner=kubernetes}, against fabric8's
 * mock API server: a training job submitted over HTTP becomes a Kubernetes Job, a
 * stand-in kubelet runs that Job's container as a real worker process, and the service
 * follows it to a published, served version. No cluster ran: the Job controller, the
 * kubelet and the shared claim (a local folder at the same path) are played by the test.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.training.runner=kubernetes", "modelport.training.worker-heap=384m",
				"modelport.training.kubernetes.namespace=" + KubernetesTrainingJobsIntegrationTests.NAMESPACE,
				"modelport.training.kubernetes.image=registry.example.com/modelport:test",
				"modelport.training.kubernetes.volume-claim=modelport-data",
				"modelport.training.kubernetes.poll-interval=100ms" })
class KubernetesTrainingJobsIntegrationTests {

	static final String NAMESPACE = "modelport";

	private static final Path ROOT = createRoot();

	private static final MockKubernetes KUBERNETES = MockKubernetes.start();

	private static final LocalKubelet KUBELET = new LocalKubelet(KUBERNETES, NAMESPACE);

	@TestBean
	private KubernetesClient kubernetesClient;

	@LocalServerPort
	private int port;

	private LocalHttp http;

	static KubernetesClient kubernetesClient() {
		return KUBERNETES.client();
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("modelport.training.kubernetes.mount-path", ROOT::toString);
		JobFolders.register(registry, ROOT);
	}

	@AfterAll
	static void stopKubelet() {
		KUBELET.close();
	}

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void aJobSubmittedOverHttpTrainsInAKubernetesJobAndIsPublished() {
		MultiValueMap<String, Object> parts = LocalHttp.file("file", Fixtures.shapesIdxZip(600, 120), "shapes.zip");
		parts.add("name", "shapes");
		parts.add("kind", "idx");
		assertThat(this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts).getStatusCode().value())
			.isEqualTo(201);
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
				{"task": "classifier", "model": "k8s-shapes", "dataset": "shapes",
				 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4, 8], "dense": 16}},
				 "settings": {"epochs": 2, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.01},
				              "devFraction": 0.15, "seed": 3}}""");
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();

		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> LocalHttp.read(this.http.get(location)).get("state").asString(),
					(state) -> !state.equals("QUEUED") && !state.equals("RUNNING"));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		// Progress came through the worker's events file, not its output.
		assertThat(job.get("device").asString()).isEqualTo("cpu()");
		assertThat(job.get("history")).hasSize(2);
		assertThat(job.get("resultVersion").asInt()).isEqualTo(1);

		String id = job.get("id").asString();
		assertThat(KUBELET.ran()).singleElement().satisfies((ran) -> assertRanJob(ran, id));
		assertThat(ROOT.resolve("jobs").resolve(id).resolve(TrainingWorker.LOG_FILE)).isNotEmptyFile();
		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/k8s-shapes"));
		assertThat(model.get("defaultVersion").asInt()).isEqualTo(1);
		assertThat(model.get("versions").get(0).get("state").asString()).isEqualTo("READY");
	}

	private static void assertRanJob(Job job, String id) {
		assertThat(job.getMetadata().getName()).isEqualTo("modelport-train-" + id);
		assertThat(job.getMetadata().getLabels()).containsEntry("modelport.io/job-id", id)
			.containsEntry("app.kubernetes.io/component", "training-job");
		assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("registry.example.com/modelport:test");
	}

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("modelport-k8s-jobs");
			Files.createDirectories(root.resolve("store"));
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
