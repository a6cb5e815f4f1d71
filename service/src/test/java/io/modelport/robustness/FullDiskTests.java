package io.modelport.robustness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The model store on a tmpfs of 1 MiB that fills up while a new version is published, by
 * a training job and by a word-vector import: the new version is absent (never
 * half-written, no staging folder left, no empty model folder), the old version serves,
 * the request or job says why, and publishing works again once there is space.
 *
 * @author Modelport Team
 */
@SlowTest
class FullDiskTests {

	@TempDir
	Path directory;

	@Test
	void aPublicationOnAFullDiskLeavesNoTraceAndTheServingVersionServesOn() throws IOException {
		try (Tmpfs disk = Tmpfs.mount(1024)) {
			Path store = disk.root().resolve("store");
			Fixtures.copyTinyModel(store, "victim", 1);
			ScriptedJobRunner runner = new ScriptedJobRunner();
			try (ConfigurableApplicationContext app = start(store, runner)) {
				LocalHttp http = LocalHttp.ready(((WebServerApplicationContext) app).getWebServer().getPort());
				app.getBean(DatasetCatalog.class)
					.store("shapes", DatasetKind.IDX, new ByteArrayInputStream(Fixtures.shapesIdxZip(60, 20)), -1);
				assertThat(classifiedBy(http)).isEqualTo(1);
				Path filler = disk.fill(40 * 1024);

				// A training job whose output does not fit.
				String job = submit(http);
				runner.awaitStarted(job).succeed("victim");
				JsonNode failed = awaitEnd(http, job);
				assertThat(failed.get("state").asString()).isEqualTo("FAILED");
				assertThat(failed.get("failureReason").asString()).contains("No space left on device");
				assertThat(versions(store, "victim")).containsExactly(1);
				assertThat(hiddenEntries(store)).isEmpty();
				assertThat(classifiedBy(http)).isEqualTo(1);

				// A word-vector import that does not fit, of a new model.
				ResponseEntity<String> refused = importVectors(http);
				assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(507);
				assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
				assertThat(LocalHttp.read(refused).get("type").asString())
					.isEqualTo("urn:modelport:problem:insufficient-storage");
				assertThat(store.resolve("new-words")).doesNotExist();
				assertThat(http.get("/api/v1/models/new-words").getStatusCode().value()).isEqualTo(404);
				assertThat(hiddenEntries(store)).isEmpty();

				// Space again: both publish.
				Files.delete(filler);
				ResponseEntity<String> imported = importVectors(http);
				assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
				assertThat(LocalHttp.read(imported).get("state").asString()).isEqualTo("READY");
				String retried = submit(http);
				runner.awaitStarted(retried).succeed("victim");
				JsonNode succeeded = awaitEnd(http, retried);
				assertThat(succeeded.get("state").asString()).as(succeeded.toString()).isEqualTo("SUCCEEDED");
				assertThat(succeeded.get("resultVersion").asInt()).isEqualTo(2);
				assertThat(versions(store, "victim")).containsExactly(1, 2);
				assertThat(classifiedBy(http)).isEqualTo(2);
			}
		}
	}

	private ConfigurableApplicationContext start(Path store, JobRunner runner) {
		ApplicationContextInitializer<GenericApplicationContext> scripted = (context) -> context
			.registerBean(JobRunner.class, () -> runner);
		return new SpringApplicationBuilder(ModelportApplication.class).initializers(scripted)
			.run("--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
					"--modelport.datasets.location=" + this.directory.resolve("datasets"),
					"--modelport.training.work-dir=" + this.directory.resolve("jobs"),
					"--spring.datasource.url=jdbc:h2:mem:full-disk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	private static int classifiedBy(LocalHttp http) {
		ResponseEntity<String> response = http.post("/api/v1/models/victim/classify", MediaType.IMAGE_PNG,
				Fixtures.image("trouser.png"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return LocalHttp.read(response).get("version").asInt();
	}

	private static String submit(LocalHttp http) {
		ResponseEntity<String> submitted = http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
				{"task": "classifier", "model": "victim", "dataset": "shapes",
				 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4], "dense": 8}},
				 "promotion": "always"}""");
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		return LocalHttp.read(submitted).get("id").asString();
	}

	private static JsonNode awaitEnd(LocalHttp http, String job) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> LocalHttp.read(http.get("/api/v1/training-jobs/" + job)).get("state").asString(),
					(state) -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state));
		return LocalHttp.read(http.get("/api/v1/training-jobs/" + job));
	}

	// About 300 KB of text: far more than the 40 KB left.
	private static ResponseEntity<String> importVectors(LocalHttp http) {
		Random random = new Random(3);
		StringBuilder text = new StringBuilder("2000 16\n");
		for (int word = 0; word < 2000; word++) {
			text.append('w').append(word);
			for (int i = 0; i < 16; i++) {
				text.append(' ').append(String.format(Locale.ROOT, "%.5f", random.nextGaussian()));
			}
			text.append('\n');
		}
		return http.post("/api/v1/models/new-words/vectors?format=text", MediaType.TEXT_PLAIN,
				text.toString().getBytes(StandardCharsets.UTF_8));
	}

	// What the store scanner sees.
	private static List<Integer> versions(Path store, String model) {
		return new ModelStore(store).find(model).map(StoredModel::versions).orElseThrow().keySet().stream().toList();
	}

	private static List<Path> hiddenEntries(Path store) throws IOException {
		try (Stream<Path> paths = Files.walk(store)) {
			return paths.filter((path) -> path.getFileName().toString().startsWith(".")).toList();
		}
	}

}
