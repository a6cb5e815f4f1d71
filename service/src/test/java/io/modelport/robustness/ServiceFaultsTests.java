package io.modelport.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.SlowTest;
import io.modelport.robustness.LoadLoop.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults inside a running service, each under a steady inference load on 127.0.0.1 that
 * must never see an error: a training worker killed with SIGKILL in the middle of an
 * epoch, and a served model's weights corrupted on disk.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.training.worker-heap=384m", "modelport.store.swap-grace=200ms" })
class ServiceFaultsTests {

	private static final Path ROOT = createRoot();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Log logger = LogFactory.getLog(ServiceFaultsTests.class);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", () -> ROOT.resolve("store").toString());
		registry.add("modelport.datasets.location", () -> ROOT.resolve("datasets").toString());
		registry.add("modelport.training.work-dir", () -> ROOT.resolve("jobs").toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:faults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	@Test
	void aWorkerKilledMidEpochFailsItsJobLosesNothingAndServingGoesOn() throws Exception {
		LocalHttp http = LocalHttp.ready(this.port);
		MultiValueMap<String, Object> parts = LocalHttp.file("file", Fixtures.shapesIdxZip(900, 150), "shapes.zip");
		parts.add("name", "shapes");
		parts.add("kind", "idx");
		assertThat(http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts).getStatusCode().value())
			.isEqualTo(201);
		try (LoadLoop load = LoadLoop.start(2, url("/api/v1/models/tiny-fashion/classify"),
				Fixtures.image("trouser.png"))) {
			String location = submit(http, "killed-model", 500);
			String id = location.substring(location.lastIndexOf('/') + 1);
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> LocalHttp.read(http.get(location)).get("epoch").asInt() >= 1);
			List<ProcessHandle> workers = ServiceProcess.processesMentioning(id);
			assertThat(workers).hasSize(1);
			int recordedBeforeKill = LocalHttp.read(http.get(location)).get("history").size();
			workers.forEach(ProcessHandle::destroyForcibly);

			await().atMost(Duration.ofSeconds(60))
				.until(() -> LocalHttp.read(http.get(location)).get("state").asString(), "FAILED"::equals);
			JsonNode job = LocalHttp.read(http.get(location));
			assertThat(job.get("failureReason").asString()).contains("killed by signal 9");
			// Nothing that was recorded is lost: the epochs, the data set, the job's spec
			// and log; nothing half-done is left: no version, no staging folder, no
			// checkpoint.
			assertThat(job.get("history").size()).isGreaterThanOrEqualTo(recordedBeforeKill).isPositive();
			assertThat(http.get("/api/v1/datasets/shapes").getStatusCode().value()).isEqualTo(200);
			assertThat(ROOT.resolve("jobs").resolve(id).resolve("spec.json")).exists();
			assertThat(ROOT.resolve("jobs").resolve(id).resolve("worker.log")).exists();
			assertThat(ROOT.resolve("jobs").resolve(id).resolve("work")).doesNotExist();
			assertThat(ROOT.resolve("store").resolve("killed-model")).doesNotExist();
			assertThat(hiddenFolders(ROOT.resolve("store"))).isEmpty();
			assertThat(ServiceProcess.processesMentioning(id)).isEmpty();

			List<Outcome> outcomes = load.stop();
			logger.info("Worker killed: " + outcomes.size() + " requests under load, outcomes "
					+ LoadLoop.summary(outcomes) + ", epochs kept " + job.get("history").size());
			assertThat(LoadLoop.summary(outcomes)).containsOnlyKeys("200");
			assertThat(outcomes).hasSizeGreaterThan(10);
		}
	}

	@Test
	void aCorruptedServedModelKeepsServingFromMemoryAndFailsCleanlyWhenLoadedAgain() throws Exception {
		LocalHttp http = LocalHttp.ready(this.port);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> LocalHttp.read(http.get("/api/v1/models/victim")).get("defaultVersion").asInt() == 2);
		try (LoadLoop load = LoadLoop.start(2, url("/api/v1/models/victim/classify"), Fixtures.image("trouser.png"))) {
			awaitMore(load, 10);
			Path weights = Fixtures.paramsFile(ROOT.resolve("store/victim/2"));
			byte[] garbage = new byte[(int) Files.size(weights)];
			new Random(13).nextBytes(garbage);
			Files.write(weights, garbage);
			awaitMore(load, 20);

			// A reload rescans the folder; version 2 is READY and stays loaded.
			assertThat(http.post("/api/v1/models/victim/reload").getStatusCode().value()).isEqualTo(200);
			assertThat(version(http, 2).get("state").asString()).isEqualTo("READY");
			awaitMore(load, 10);

			// Loading it again (after another version replaced it) verifies the file.
			assertThat(http.post("/api/v1/models/victim/versions/1/promote").getStatusCode().value()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> version(http, 2).get("state").asString(), "UNLOADED"::equals);
			ResponseEntity<String> refused = http.post("/api/v1/models/victim/versions/2/promote");
			assertThat(refused.getStatusCode().value()).isEqualTo(503);
			assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
			assertThat(LocalHttp.read(refused).get("detail").asString()).contains("FAILED", "checksum mismatch");
			JsonNode model = LocalHttp.read(http.get("/api/v1/models/victim"));
			assertThat(model.get("defaultVersion").asInt()).isEqualTo(1);
			assertThat(version(http, 2).get("state").asString()).isEqualTo("FAILED");
			assertThat(version(http, 2).get("failureReason").asString()).contains("checksum mismatch");
			awaitMore(load, 10);

			List<Outcome> outcomes = load.stop();
			logger.info("Corrupted model: " + outcomes.size() + " requests under load, outcomes "
					+ LoadLoop.summary(outcomes));
			assertThat(LoadLoop.summary(outcomes)).containsOnlyKeys("200");
			assertThat(outcomes).extracting((outcome) -> JSON.readTree(outcome.body()).get("version").asInt())
				.contains(1, 2);
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static JsonNode version(LocalHttp http, int version) {
		for (JsonNode node : LocalHttp.read(http.get("/api/v1/models/victim")).get("versions")) {
			if (node.get("version").asInt() == version) {
				return node;
			}
		}
		throw new AssertionError("no version " + version);
	}

	private static void awaitMore(LoadLoop load, int requests) {
		int target = load.outcomes().size() + requests;
		await().atMost(Duration.ofSeconds(60)).until(() -> load.outcomes().size() >= target);
	}

	private static String submit(LocalHttp http, String model, int epochs) {
		String body = """
				{"task": "classifier", "model": "%s", "dataset": "shapes",
				 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4, 8], "dense": 16}},
				 "settings": {"epochs": %d, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.01},
				              "devFraction": 0.15, "seed": 3},
				 "promotion": "always"}""".formatted(model, epochs);
		ResponseEntity<String> submitted = http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		return submitted.getHeaders().getLocation().toString();
	}

	private static List<Path> hiddenFolders(Path store) throws IOException {
		try (Stream<Path> paths = Files.walk(store)) {
			return paths.filter((path) -> path.getFileName().toString().startsWith(".")).toList();
		}
	}

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("modelport-faults");
			Fixtures.copyTinyModel(root.resolve("store"), Fixtures.TINY_MODEL, 1);
			Fixtures.copyTinyModel(root.resolve("store"), "victim", 1);
			Fixtures.copyTinyModel(root.resolve("store"), "victim", 2);
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
