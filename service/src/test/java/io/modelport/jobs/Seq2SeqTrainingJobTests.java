package io.modelport.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

import io.modelport.LocalHttp;
import io.modelport.SlowTest;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tiny translator training job end to end over HTTP on 127.0.0.1: an uploaded
 * sequence-pairs data set, a worker process that trains and evaluates, and a published
 * version with its symbol files, evaluation and heat maps that the model loader loads and
 * the decoder translates with.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "modelport.training.worker-heap=384m")
class Seq2SeqTrainingJobTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		JobFolders.register(registry, ROOT);
	}

	@Test
	void trainsATranslatorOnUploadedPairsAndPublishesALoadableVersion() throws Exception {
		LocalHttp http = LocalHttp.ready(this.port);
		MultiValueMap<String, Object> parts = LocalHttp.file("file", reversals(300), "pairs.tsv");
		parts.add("name", "reversals");
		parts.add("kind", "sequence-pairs");
		ResponseEntity<String> created = http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		assertThat(LocalHttp.read(http.get("/api/v1/datasets/dates")).get("kind").asString())
			.isEqualTo("sequence-pairs");

		String body = """
				{"task": "seq2seq", "model": "reverser", "dataset": "reversals",
				 "architecture": {"name": "seq2seq-attention",
				                  "parameters": {"embedding": 8, "hidden": 16, "cell": "lstm"}},
				 "seq2seq": {"maxInputLength": 8, "maxOutputLength": 9, "beamWidth": 3, "evaluationLimit": 20,
				             "teacherForcing": 0.9},
				 "settings": {"epochs": 2, "batchSize": 32, "seed": 5}}""";
		ResponseEntity<String> submitted = http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> LocalHttp.read(http.get(location)).get("state").asString(),
					(state) -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state));
		JsonNode job = LocalHttp.read(http.get(location));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.get("history")).hasSize(2);
		JsonNode report = job.get("report");
		assertThat(report.get("greedy").get("bleu").asDouble()).isBetween(0.0, 1.0);
		assertThat(report.get("beam").get("beamWidth").asInt()).isEqualTo(3);
		assertThat(report.get("baselines").get("copyInput").get("exactMatch").asDouble()).isBetween(0.0, 1.0);
		assertThat(report.get("attentionHeatmaps")).hasSize(3);

		ModelDescriptor descriptor = new ModelStore(ROOT.resolve("store")).find("reverser").orElseThrow().descriptor(1);
		assertThat(descriptor.task()).isEqualTo(Task.SEQ2SEQ);
		assertThat(descriptor.input()).isNull();
		assertThat(descriptor.parameters()).containsEntry("sourceSymbolsFile", "source.symbols")
			.containsEntry("beamWidth", 3);
		assertThat(descriptor.directory().resolve("attention-1.png")).exists();
		// The service loaded the published version: it translates through the endpoint.
		JsonNode translated = LocalHttp.read(http.post("/api/v1/models/reverser/translate", MediaType.APPLICATION_JSON,
				Map.of("text", "abc", "beamWidth", 3, "numAlternatives", 2, "returnAttention", true)));
		assertThat(translated.get("alternatives")).hasSize(2);
		assertThat(translated.get("attention")).allSatisfy((row) -> assertThat(row).hasSize(3));
	}

	private static byte[] reversals(int count) {
		Random random = new Random(3);
		StringBuilder pairs = new StringBuilder();
		for (int i = 0; i < count; i++) {
			StringBuilder word = new StringBuilder();
			for (int t = 0; t < 3 + random.nextInt(4); t++) {
				word.append((char) ('a' + random.nextInt(6)));
			}
			pairs.append(word).append('\t').append(new StringBuilder(word).reverse()).append('\n');
		}
		return pairs.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Path createRoot() {
		try {
			return Files.createTempDirectory("modelport-seq2seq-jobs");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
