package io.modelport.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The service as a real process, stopped and started again on the same store, job folders
 * and H2 database file: killed with SIGKILL in the middle of a training job (the job
 * resumes from its checkpoint in the next process, nothing lost or repeated), and stopped
 * with SIGTERM under load (every request the server accepted is answered, as its access
 * log and the clients agree; the others fail to connect or get 503 while the models
 * load).
 *
 * @author Modelport Team
 */
@SlowTest
class ServiceRestartTests {

	private static final Log logger = LogFactory.getLog(ServiceRestartTests.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void aServiceKilledDuringTrainingResumesTheJobInTheNextProcess() throws IOException {
		Fixtures.copyTinyModel(this.directory.resolve("store"), Fixtures.TINY_MODEL, 1);
		String id;
		try (ServiceProcess first = start("first").awaitReady()) {
			LocalHttp http = LocalHttp.ready(first.port());
			MultiValueMap<String, Object> parts = LocalHttp.file("file", Fixtures.shapesIdxZip(900, 150), "shapes.zip");
			parts.add("name", "shapes");
			parts.add("kind", "idx");
			assertThat(http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts).getStatusCode().value())
				.isEqualTo(201);
			ResponseEntity<String> submitted = http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
					{"task": "classifier", "model": "resumed", "dataset": "shapes",
					 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4, 8], "dense": 16}},
					 "settings": {"epochs": 8, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.01},
					              "devFraction": 0.15, "seed": 3},
					 "promotion": "always"}""");
			assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
			id = LocalHttp.read(submitted).get("id").asString();
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> LocalHttp.read(http.get("/api/v1/training-jobs/" + id)).get("epoch").asInt() >= 2);
			first.kill();
		}
		// The orphaned worker notices its service is gone and exits.
		await().atMost(Duration.ofSeconds(30)).until(() -> ServiceProcess.processesMentioning(id).isEmpty());

		try (ServiceProcess second = start("second").awaitReady()) {
			LocalHttp http = LocalHttp.ready(second.port());
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> LocalHttp.read(http.get("/api/v1/training-jobs/" + id)).get("state").asString(),
						(state) -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state));
			JsonNode job = LocalHttp.read(http.get("/api/v1/training-jobs/" + id));
			assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
			assertThat(job.get("attempts").asInt()).isEqualTo(2);
			assertThat(job.get("history").findValuesAsString("epoch")).containsExactly("1", "2", "3", "4", "5", "6",
					"7", "8");
			assertThat(job.get("resultVersion").asInt()).isEqualTo(1);
			assertThat(http.get("/api/v1/datasets/shapes").getStatusCode().value()).isEqualTo(200);
			assertThat(http.post("/api/v1/models/resumed/classify", MediaType.IMAGE_PNG, Fixtures.image("bag.png"))
				.getStatusCode()
				.value()).isEqualTo(200);
			second.stop();
		}
	}

	@Test
	void aRestartUnderLoadAnswersEveryAcceptedRequest() throws IOException {
		Fixtures.copyTinyModel(this.directory.resolve("store"), Fixtures.TINY_MODEL, 1);
		int port = ServiceProcess.freePort();
		List<Outcome> outcomes;
		long secondReady;
		try (ServiceProcess first = start(port, "first").awaitReady();
				LoadLoop load = LoadLoop.start(4, first.base() + "/api/v1/models/tiny-fashion/classify",
						Fixtures.image("trouser.png"))) {
			awaitMore(load, 40);
			first.stop();
			try (ServiceProcess second = start(port, "second").awaitReady()) {
				secondReady = System.nanoTime();
				awaitMore(load, 40);
				outcomes = load.stop();
				second.stop();
			}
		}
		Map<Long, Integer> accepted = accessLogs();
		Map<String, Long> summary = LoadLoop.summary(outcomes);
		logger.info("Restart under load: " + outcomes.size() + " requests, outcomes " + summary + ", " + accepted.size()
				+ " in the access logs");
		List<String> problems = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			Integer logged = accepted.get(outcome.id());
			if (logged != null && logged != outcome.status()) {
				problems.add("request " + outcome.id() + " was answered " + logged + " but the client got "
						+ outcome.kind());
			}
			if (outcome.status() != 0 && logged == null) {
				problems.add("request " + outcome.id() + " got " + outcome.status() + " but is in no access log");
			}
			if (outcome.startNanos() > secondReady && outcome.status() != 200) {
				problems.add("request " + outcome.id() + " after the restart got " + outcome.kind());
			}
		}
		assertThat(problems).as(summary.toString()).isEmpty();
		assertThat(summary).containsKey("200").containsKey("ConnectException");
		assertThat(summary.keySet()).allMatch((kind) -> List.of("200", "503").contains(kind) || !isStatus(kind),
				"only 200 or 503 answers");
		for (Outcome outcome : outcomes) {
			if (outcome.status() == 200) {
				assertThat(JSON.readTree(outcome.body()).get("predictions").get(0).get("label").asString())
					.isEqualTo("Trouser");
			}
		}
	}

	private ServiceProcess start(String name) {
		return start(ServiceProcess.freePort(), name);
	}

	private ServiceProcess start(int port, String name) {
		Path access = this.directory.resolve("access");
		return ServiceProcess.start(port, this.directory.resolve(name + ".log"),
				List.of("--modelport.store.location=" + this.directory.resolve("store"),
						"--modelport.datasets.location=" + this.directory.resolve("datasets"),
						"--modelport.training.work-dir=" + this.directory.resolve("jobs"),
						"--modelport.training.worker-heap=384m",
						"--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("db/jobs")
								+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
						"--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + access,
						"--server.tomcat.accesslog.prefix=" + name, "--server.tomcat.accesslog.suffix=.log",
						"--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
						"--server.tomcat.accesslog.pattern=%{" + LoadLoop.REQUEST_ID + "}i %s"));
	}

	// Request id to status, for every request either server logged; health checks carry
	// no id ("-").
	private Map<Long, Integer> accessLogs() throws IOException {
		Map<Long, Integer> accepted = new HashMap<>();
		try (Stream<Path> logs = Files.list(this.directory.resolve("access"))) {
			for (Path log : logs.toList()) {
				for (String line : Files.readAllLines(log)) {
					String[] fields = line.strip().split(" ");
					if (fields.length == 2 && fields[0].matches("\\d+")) {
						accepted.put(Long.parseLong(fields[0]), Integer.parseInt(fields[1]));
					}
				}
			}
		}
		return accepted;
	}

	private static boolean isStatus(String kind) {
		return kind.matches("\\d{3}");
	}

	private static void awaitMore(LoadLoop load, int requests) {
		int target = load.outcomes().size() + requests;
		await().atMost(Duration.ofSeconds(120)).until(() -> load.outcomes().size() >= target);
	}

}
