package io.modelport.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
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

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.SlowTest;
import io.modelport.faces.training.SyntheticFaces;
import io.modelport.imaging.PngImages;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.words.Word2VecFormat;
import io.modelport.words.Word2VecLimits;
import io.modelport.words.WordVectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Training jobs end to end over HTTP on 127.0.0.1: real worker processes train on an
 * uploaded data set, the new version is published and served; cancelling and killing a
 * worker leave serving untouched.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "modelport.training.worker-heap=384m")
class TrainingJobsIntegrationTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	private int port;

	private LocalHttp http;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		JobFolders.register(registry, ROOT);
		registry.add("modelport.datasets.bible-command", () -> ROOT.resolve("bible").toString());
	}

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
		if (this.http.get("/api/v1/datasets/shapes").getStatusCode().value() == 404) {
			MultiValueMap<String, Object> parts = LocalHttp.file("file", Fixtures.shapesIdxZip(900, 150), "shapes.zip");
			parts.add("name", "shapes");
			parts.add("kind", "idx");
			ResponseEntity<String> created = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
			assertThat(created.getStatusCode().value()).isEqualTo(201);
		}
	}

	@Test
	void trainsPublishesAndServesANewVersionWhileStreamingProgress() throws Exception {
		ResponseEntity<String> submitted = submit("shapes-model", 3, "always");
		assertThat(submitted.getStatusCode().value()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();
		CompletableFuture<String> stream = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + location + "/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply(HttpResponse::body);

		JsonNode job = awaitState(location, "SUCCEEDED");
		assertThat(job.get("device").asString()).isEqualTo("cpu()");
		assertThat(job.get("history")).hasSize(3);
		assertThat(job.get("resultVersion").asInt()).isEqualTo(1);
		assertThat(job.get("report").get("testAccuracy").asDouble()).isGreaterThan(0.8);
		assertThat(job.get("report").get("confusionMatrix")).hasSize(3);
		List<String> events = stream.get().lines().filter((line) -> line.startsWith("event:")).toList();
		assertThat(events).contains("event:snapshot", "event:progress", "event:epoch", "event:state");
		// The first batch is reported at once: progress shows before epoch 1 ends.
		assertThat(events.indexOf("event:progress")).isLessThan(events.indexOf("event:epoch"));
		assertThat(job.path("progress").isNull() || job.path("progress").isMissingNode())
			.as("progress is shown only while RUNNING")
			.isTrue();

		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/shapes-model"));
		assertThat(model.get("defaultVersion").asInt()).isEqualTo(1);
		assertThat(model.get("versions").get(0).get("quality").get("testAccuracy").asDouble()).isGreaterThan(0.8);
		JsonNode answer = LocalHttp
			.read(this.http.post("/api/v1/models/shapes-model/classify", MediaType.IMAGE_PNG, shapePng(1)));
		assertThat(answer.get("predictions").get(0).get("label").asString()).isEqualTo("1");

		JsonNode second = awaitState(submit("shapes-model", 1, "never").getHeaders().getLocation().toString(),
				"SUCCEEDED");
		assertThat(second.get("resultVersion").asInt()).isEqualTo(2);
		assertThat(second.get("promoted").asBoolean()).isFalse();
		assertThat(LocalHttp.read(this.http.get("/api/v1/models/shapes-model")).get("defaultVersion").asInt())
			.isEqualTo(1);
		JsonNode promoted = LocalHttp.read(this.http.post("/api/v1/models/shapes-model/versions/2/promote"));
		assertThat(promoted.get("defaultVersion").asInt()).isEqualTo(2);
		assertThat(LocalHttp.read(this.http.get("/api/v1/training-jobs?state=SUCCEEDED")).get("total").asInt())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void trainsADetectorOnScenesComposedFromADataSetsItems() {
		String body = """
				{"task": "detector", "model": "shape-scenes", "dataset": "shapes",
				 "architecture": {"name": "yolo-detector",
				                  "parameters": {"filters": [4, 8], "headFilters": 8, "anchors": 2}},
				 "input": {"width": 48, "height": 48}, "limits": {"trainImages": 96, "testImages": 24},
				 "settings": {"epochs": 2, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01},
				              "seed": 5}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		JsonNode job = awaitState(submitted.getHeaders().getLocation().toString(), "SUCCEEDED");
		assertThat(job.get("history")).hasSize(2);
		assertThat(job.get("report").get("testMap50").asDouble()).isBetween(0.0, 1.0);
		assertThat(job.get("report").get("testScenes").asInt()).isEqualTo(24);
		assertThat(job.get("report").get("anchors")).hasSize(2);

		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/shape-scenes"));
		assertThat(model.get("versions").get(0).get("task").asString()).isEqualTo("detector");
		ResponseEntity<String> detected = this.http.post("/api/v1/models/shape-scenes/detect?scoreThreshold=0",
				MediaType.IMAGE_PNG, shapePng(1));
		assertThat(detected.getStatusCode().value()).as(detected.getBody()).isEqualTo(200);
		assertThat(LocalHttp.read(detected).get("detections").size()).isPositive();
	}

	@Test
	void trainsADetectorOnAnUploadedYoloDataSet() {
		MultiValueMap<String, Object> bad = LocalHttp.file("file", Fixtures.shapesYoloZip(4, "7 0.5 0.5 2 0.1"),
				"bad.zip");
		bad.add("name", "bad-boxes");
		bad.add("kind", "yolo");
		ResponseEntity<String> refused = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, bad);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(refused).get("detail").asString()).contains("invalid yolo data set", "scene-0.txt");

		MultiValueMap<String, Object> parts = LocalHttp.file("file", Fixtures.shapesYoloZip(40, null), "boxes.zip");
		parts.add("name", "shape-boxes");
		parts.add("kind", "yolo");
		ResponseEntity<String> created = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		assertThat(LocalHttp.read(created).get("details").get("images").asInt()).isEqualTo(40);
		String body = """
				{"task": "detector", "model": "shape-boxes", "dataset": "shape-boxes",
				 "architecture": {"name": "yolo-detector", "parameters": {"filters": [4, 8], "headFilters": 8}},
				 "input": {"width": 48, "height": 48},
				 "settings": {"epochs": 1, "batchSize": 8, "devFraction": 0.2, "testFraction": 0.2, "seed": 5}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		JsonNode job = awaitState(submitted.getHeaders().getLocation().toString(), "SUCCEEDED");
		assertThat(job.get("report").get("testScenes").asInt()).isEqualTo(8);
		assertThat(job.get("report").get("ap50PerClass").propertyNames()).containsExactly("circle", "square", "cross");
	}

	@Test
	void trainsAFaceVerifierOnUploadedIdentityFolders() {
		MultiValueMap<String, Object> parts = LocalHttp.file("file",
				SyntheticFaces.pgmZip(SyntheticFaces.generate(8, 4, 20, 20, 9)), "faces.zip");
		parts.add("name", "faces");
		parts.add("kind", "image-folders");
		ResponseEntity<String> created = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		assertThat(LocalHttp.read(created).get("details").get("classCount").asInt()).isEqualTo(8);
		String refused = """
				{"task": "face-verifier", "model": "faces", "dataset": "faces",
				 "architecture": {"name": "face-embedder"}, "faces": {"margin": 0, "mining": "hardest"}}""";
		ResponseEntity<String> invalid = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, refused);
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getBody()).contains("faces.margin", "faces.mining");
		String body = """
				{"task": "face-verifier", "model": "faces", "dataset": "faces",
				 "architecture": {"name": "face-embedder", "parameters": {"filters": [4, 8], "embeddingSize": 8}},
				 "settings": {"epochs": 2, "optimizer": {"type": "adam", "learningRate": 0.005}, "seed": 3},
				 "faces": {"margin": 0.3, "mining": "semi-hard", "identitiesPerBatch": 3, "imagesPerIdentity": 2,
				           "stepsPerEpoch": 3, "thresholdRule": "far", "targetFar": 0.1, "ensemble": 2}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		JsonNode job = awaitState(submitted.getHeaders().getLocation().toString(), "SUCCEEDED");
		// Two members of two epochs each, numbered in one sequence.
		assertThat(job.get("epochs").asInt()).isEqualTo(4);
		assertThat(job.get("history")).extracting((epoch) -> epoch.get("epoch").asInt()).containsExactly(1, 2, 3, 4);
		JsonNode report = job.get("report");
		assertThat(report.get("ensemble").asInt()).isEqualTo(2);
		assertThat(report.get("members")).extracting((member) -> member.get("seed").asInt()).containsExactly(3, 4);
		assertThat(report.get("testAuc").asDouble()).isBetween(0.0, 1.0);
		assertThat(report.get("threshold").asDouble()).isBetween(0.0, 4.0);
		assertThat(report.get("thresholdRule").asString()).isEqualTo("far");
		assertThat(report.get("identities").get("test").asInt()).isEqualTo(2);
		assertThat(report.get("testPairs").get("same").asInt()).isEqualTo(2 * 6);

		JsonNode version = LocalHttp.read(this.http.get("/api/v1/models/faces")).get("versions").get(0);
		assertThat(version.get("task").asString()).isEqualTo("face-verifier");
		assertThat(version.get("quality").get("testAuc").asDouble()).isBetween(0.0, 1.0);
		assertThat(version.get("state").asString()).isEqualTo("READY");
		Path published = ROOT.resolve("store").resolve("faces").resolve("1");
		assertThat(published.resolve("roc.png")).isRegularFile();
		assertThat(published.resolve("evaluation.json")).isRegularFile();
	}

	@Test
	void trainsWordVectorsOnAnUploadedTextCorpus() throws IOException {
		MultiValueMap<String, Object> parts = LocalHttp.file("file", tinyCorpus(), "corpus.txt");
		parts.add("name", "tiny-corpus");
		parts.add("kind", "text");
		ResponseEntity<String> created = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		ResponseEntity<String> invalid = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
				{"task": "word2vec", "model": "tiny-words", "dataset": "tiny-corpus",
				 "words": {"architecture": "glove", "dimension": 0}}""");
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(invalid).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("words.architecture", "words.dimension");
		String body = """
				{"task": "word2vec", "model": "tiny-words", "dataset": "tiny-corpus",
				 "words": {"architecture": "skip-gram", "dimension": 12, "window": 2, "minCount": 2, "epochs": 2,
				           "batchSize": 64, "seed": 4}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> isTerminal(LocalHttp.read(this.http.get(location)).get("state").asString()));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("history")).hasSize(2);
		assertThat(job.get("history").get(1).get("trainLoss").asDouble()).isPositive();
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		JsonNode similar = LocalHttp.read(this.http.get("/api/v1/models/tiny-words/words/cat/similar?k=3"));
		assertThat(similar.get("neighbours")).hasSize(3);
		Path published = ROOT.resolve("store").resolve("tiny-words").resolve("1");
		ModelDescriptor descriptor = DescriptorParser.parse("tiny-words", 1, published);
		assertThat(descriptor.task()).isEqualTo(Task.WORD2VEC);
		assertThat(descriptor.format()).isEqualTo(ArtifactFormat.WORD2VEC_BINARY);
		assertThat(descriptor.weights().file()).isEqualTo("vectors.bin");
		assertThat(descriptor.parameters()).containsEntry("dimension", 12).containsEntry("lowercase", true);
		assertThat(descriptor.provenance().get("quality")).isInstanceOf(Map.class);
		assertThat(published.resolve("loss.png")).isRegularFile();
		assertThat(published.resolve("evaluation.json")).isRegularFile();
		try (InputStream in = Files.newInputStream(published.resolve("vectors.bin"))) {
			WordVectors vectors = Word2VecFormat.BINARY.read(in, Word2VecLimits.DEFAULT);
			assertThat(vectors.dimension()).isEqualTo(12);
			assertThat(vectors.vocabulary().size()).isEqualTo(descriptor.parameters().get("vocabularySize"));
			assertThat(vectors.vocabulary().words()).contains("cat", "apple");
		}
	}

	@Test
	void trainsWordVectorsOnTheBuiltInBibleCorpus() {
		JsonNode datasets = LocalHttp.read(this.http.get("/api/v1/datasets"));
		assertThat(datasets.findValuesAsString("name")).contains("kjv-bible");
		String body = """
				{"task": "word2vec", "model": "bible-words", "dataset": "kjv-bible",
				 "words": {"architecture": "cbow", "dimension": 8, "minCount": 1, "epochs": 1, "batchSize": 32}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> isTerminal(LocalHttp.read(this.http.get(location)).get("state").asString()));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("history")).as(job.toString()).hasSize(1);
		Path published = ROOT.resolve("store").resolve("bible-words").resolve("1");
		ModelDescriptor descriptor = DescriptorParser.parse("bible-words", 1, published);
		assertThat(descriptor.provenance().get("dataset").toString()).contains("kjv-bible", "3 sentences");
		assertThat(descriptor.parameters()).containsEntry("dimension", 8);
	}

	@Test
	void cancelStopsTheWorkerAndDiscardsItsOutput() {
		String location = submit("cancelled-model", 500, "always").getHeaders().getLocation().toString();
		String id = awaitEpoch(location);
		JsonNode running = LocalHttp.read(this.http.get(location));
		JsonNode progress = running.get("progress");
		assertThat(progress.get("epochs").asInt()).as(running.toString()).isEqualTo(500);
		assertThat(progress.get("batches").asInt()).isEqualTo((900 - 135 + 31) / 32);
		assertThat(progress.get("samplesPerSecond").asDouble()).isPositive();
		assertThat(progress.get("etaSeconds").asDouble()).isGreaterThan(progress.get("epochEtaSeconds").asDouble());
		long started = System.nanoTime();
		ResponseEntity<String> cancelled = this.http.delete(location);
		assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
		assertThat(LocalHttp.read(cancelled).get("state").asString()).isEqualTo("CANCELLED");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(workers(id)).isEmpty();
		assertThat(ROOT.resolve("jobs").resolve(id).resolve("work")).doesNotExist();
		assertThat(this.http.get("/api/v1/models/cancelled-model").getStatusCode().value()).isEqualTo(404);
		assertThat(this.http.delete(location).getStatusCode().value()).isEqualTo(409);
		assertServing();
	}

	@Test
	void aKilledWorkerFailsItsJobAndServingGoesOn() {
		String location = submit("crashed-model", 500, "always").getHeaders().getLocation().toString();
		String id = awaitEpoch(location);
		List<ProcessHandle> workers = workers(id);
		assertThat(workers).hasSize(1);
		workers.forEach(ProcessHandle::destroyForcibly);
		JsonNode job = awaitState(location, "FAILED");
		assertThat(job.get("failureReason").asString()).contains("killed by signal 9");
		assertServing();
	}

	@Test
	void invalidRequestsAreRefusedUpFront() {
		ResponseEntity<String> response = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON,
				"{\"task\":\"classifier\",\"model\":\"m\",\"architecture\":{\"name\":\"conv-classifier\"},"
						+ "\"dataset\":\"shapes\",\"settings\":{\"batchSize\":0,\"optimizer\":{\"learningRate\":-1}}}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(response).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("settings.batchSize", "settings.optimizer.learningRate");
	}

	private void assertServing() {
		ResponseEntity<String> response = this.http.post("/api/v1/models/tiny-fashion/classify", MediaType.IMAGE_PNG,
				Fixtures.image("trouser.png"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
	}

	private ResponseEntity<String> submit(String model, int epochs, String promotion) {
		String body = """
				{"task": "classifier", "model": "%s", "dataset": "shapes",
				 "architecture": {"name": "conv-classifier", "parameters": {"filters": [4, 8], "dense": 16}},
				 "settings": {"epochs": %d, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.01},
				              "devFraction": 0.15, "seed": 3},
				 "promotion": "%s"}""".formatted(model, epochs, promotion);
		return this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
	}

	private JsonNode awaitState(String location, String state) {
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> LocalHttp.read(this.http.get(location)).get("state").asString(),
					(s) -> s.equals(state) || isTerminal(s));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo(state);
		return job;
	}

	private String awaitEpoch(String location) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> LocalHttp.read(this.http.get(location)),
					(job) -> job.get("epoch").asInt() >= 1 || isTerminal(job.get("state").asString()));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("RUNNING");
		return job.get("id").asString();
	}

	private static boolean isTerminal(String state) {
		return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
	}

	// ProcessHandle.Info drops very long command lines, so read /proc (CI runs Linux).
	static List<ProcessHandle> workers(String jobId) {
		return ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> commandLine(process).contains(jobId))
			.toList();
	}

	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")));
		}
		catch (IOException ex) {
			return process.info().commandLine().orElse("");
		}
	}

	private static byte[] shapePng(int label) {
		return PngImages.encode(Fixtures.shapes(3, new Random(99)).toImage(label));
	}

	private static byte[] tinyCorpus() {
		Random random = new Random(5);
		StringBuilder text = new StringBuilder();
		List<String> animals = List.of("cat", "dog", "cow");
		List<String> fruits = List.of("apple", "pear", "plum");
		for (int i = 0; i < 300; i++) {
			List<String> kind = (i % 2 == 0) ? animals : fruits;
			text.append(kind.get(random.nextInt(3))).append(" and ").append(kind.get(random.nextInt(3))).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("modelport-jobs");
			Fixtures.copyTinyModel(root.resolve("store"), Fixtures.TINY_MODEL, 1);
			// A stand-in for Debian's bible program: three verses in its layout.
			Path bible = root.resolve("bible");
			Files.writeString(bible, "#!/bin/sh\nprintf 'Genesis 1\\n\\n  1 In the beginning God created the heaven "
					+ "and the earth.\\n  2 And God said, Let there be light.\\n  3 And God saw the light.\\n'\n");
			bible.toFile().setExecutable(true);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
