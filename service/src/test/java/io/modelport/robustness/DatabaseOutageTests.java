package io.modelport.robustness;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.ModelportApplication;
import io.modelport.SlowTest;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.JobRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The job store database missing at startup and lost later. Without it the service does
 * not start, and says why in two lines. Lost while running (a real PostgreSQL, stopped
 * with {@code pg_ctl -m fast}): inference, readiness and metrics go on, the job endpoints
 * answer 503 problem+json after the connection timeout, a job that ends meanwhile is
 * recorded once the database is back, and everything answers again without a restart.
 *
 * @author Modelport Team
 */
@SlowTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

	@TempDir
	Path directory;

	@Test
	void withoutItsDatabaseTheServiceFailsFastAndSaysWhy(CapturedOutput output) {
		String url = "jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/postgres";
		long start = System.nanoTime();
		assertThatException().isThrownBy(() -> start(url, null).close());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The job store database at " + url + " cannot be reached")
			.contains("Start the database, or set spring.datasource.url");
	}

	@Test
	void aDatabaseLostWhileRunningFailsOnlyTheJobEndpointsUntilItReturns() throws Exception {
		try (PostgresServer postgres = PostgresServer.create()) {
			postgres.start();
			ScriptedJobRunner runner = new ScriptedJobRunner();
			try (ConfigurableApplicationContext app = start(postgres.url(), runner)) {
				LocalHttp http = LocalHttp.ready(((WebServerApplicationContext) app).getWebServer().getPort());
				app.getBean(DatasetCatalog.class)
					.store("shapes", DatasetKind.IDX, new ByteArrayInputStream(Fixtures.shapesIdxZip(60, 20)), -1);
				String job = submit(http).getHeaders().getLocation().toString();
				ScriptedJobRunner.Worker worker = runner.awaitStarted(job.substring(job.lastIndexOf('/') + 1));
				worker.epoch(1);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> LocalHttp.read(http.get(job)).get("epoch").asInt() == 1);

				postgres.stop();
				for (int i = 0; i < 10; i++) {
					assertThat(classifiedBy(http)).isEqualTo(1);
				}
				assertThat(http.get("/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
				assertThat(http.get("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);
				long start = System.nanoTime();
				assertUnavailable(http.get("/api/v1/training-jobs"));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
				assertUnavailable(http.get(job));
				assertUnavailable(submit(http));
				start = System.nanoTime();
				assertThat(http.get("/actuator/prometheus").getStatusCode().value()).isEqualTo(200);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));

				// The job ends during the outage: its version is published and served
				// now,
				// its record waits for the database.
				worker.epoch(2);
				worker.succeed("victim");
				assertThat(classifiedBy(http)).isEqualTo(2);

				postgres.start();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> http.get(job).getStatusCode().value() == 200
							&& "SUCCEEDED".equals(LocalHttp.read(http.get(job)).get("state").asString()));
				JsonNode ended = LocalHttp.read(http.get(job));
				assertThat(ended.get("resultVersion").asInt()).isEqualTo(2);
				assertThat(ended.get("history").findValuesAsString("epoch")).containsExactly("1", "2");
				ResponseEntity<String> next = submit(http);
				assertThat(next.getStatusCode().value()).isEqualTo(202);
				assertThat(http.delete(next.getHeaders().getLocation().toString()).getStatusCode().value())
					.isEqualTo(200);
			}
		}
	}

	private ConfigurableApplicationContext start(String url, JobRunner runner) {
		Fixtures.copyTinyModel(this.directory.resolve("store"), "victim", 1);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(ModelportApplication.class);
		if (runner != null) {
			builder.initializers((ApplicationContextInitializer<GenericApplicationContext>) (context) -> context
				.registerBean(JobRunner.class, () -> runner));
		}
		// Shorter than the default 5 s: each call during the outage waits this long.
		return builder.run("--spring.datasource.hikari.connection-timeout=2000", "--server.port=0",
				"--server.address=127.0.0.1", "--modelport.store.location=" + this.directory.resolve("store"),
				"--modelport.datasets.location=" + this.directory.resolve("datasets"),
				"--modelport.training.work-dir=" + this.directory.resolve("jobs"), "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password=");
	}

	private static void assertUnavailable(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(LocalHttp.read(response).get("type").asString())
			.isEqualTo("urn:modelport:problem:store-unavailable");
	}

	private static int classifiedBy(LocalHttp http) {
		ResponseEntity<String> response = http.post("/api/v1/models/victim/classify", MediaType.IMAGE_PNG,
				Fixtures.image("trouser.png"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return LocalHttp.read(response).get("version").asInt();
	}

	private static ResponseEntity<String> submit(LocalHttp http) {
		return http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
				{"task": "classifier", "model": "victim", "dataset": "shapes",
				 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4], "dense": 8}},
				 "promotion": "always"}""");
	}

}
