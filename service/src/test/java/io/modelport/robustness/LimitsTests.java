package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each limit of the "Limits" table in docs/operations.md, over HTTP against the running
 * service: the request just past it gets its documented 4xx as problem+json (the
 * protocol's own error body on {@code /v2}), quickly.
 *
 * @author Modelport Team
 */
class LimitsTests extends ServiceUnderFuzz {

	private static final String MODELS = "/api/v1/models/";

	private static final String CLASSIFY = MODELS + FuzzStore.CLASSIFIER + "/classify";

	@Test
	void requestSize() {
		// Refused from the declared length: the answer comes before the body is sent.
		long over = 16L * 1024 * 1024 + 1;
		for (String path : List.of(CLASSIFY, "/v2/models/" + FuzzStore.CLASSIFIER + "/infer",
				MODELS + FuzzStore.WORDS + "/embed", MODELS + "new-vectors/vectors?format=text")) {
			Answer answer = this.http.declaring("POST", path, "application/json", over);
			assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(413);
			assertThat(answer.text()).contains("the limit is 16777216");
		}
	}

	@Test
	void imageHeadersClaimingTooManyPixelsAreRefusedBeforeDecoding() {
		List<byte[]> bombs = List.of(Images.pngHeader(100_000, 100_000), Images.jpegHeader(60_000, 60_000),
				"P5\n100000 100000\n255\n".getBytes(StandardCharsets.US_ASCII),
				"P2 100000 100000 255 0 1 2".getBytes(StandardCharsets.US_ASCII));
		for (byte[] bomb : bombs) {
			Answer raw = assertProblem(Probe.post(CLASSIFY, "application/octet-stream", bomb), 400, "invalid-image");
			assertThat(raw.text()).contains("more than the limit of 40000000");
			assertThat(raw.millis()).isLessThan(2000);
			assertProblem(Probe.post(CLASSIFY, "application/json", "{\"image\":\"" + base64(bomb) + "\"}"), 400,
					"invalid-image");
			Multipart part = new Multipart().file("image", "bomb", "image/png", bomb);
			assertProblem(Probe.post(MODELS + FuzzStore.FACES + "/embed", part.contentType(), part.body()), 400,
					"invalid-image");
			assertProblem(Probe.post(MODELS + FuzzStore.DETECTOR + "/detect", "image/png", bomb), 400, "invalid-image");
			assertThat(
					oip(FuzzStore.CLASSIFIER, "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],"
							+ "\"data\":[\"" + base64(bomb) + "\"]}]}")
						.status())
				.isEqualTo(400);
		}
	}

	@Test
	void textLength() {
		String words = "king ".repeat(20_000) + "queen";
		assertProblem(new Probe("POST", MODELS + FuzzStore.WORDS + "/embed", "text/plain",
				words.getBytes(StandardCharsets.UTF_8), Map.of()), 400, "invalid-request");
		assertThat(handled(new Probe("POST", MODELS + FuzzStore.WORDS + "/embed", "text/plain",
				"king queen".getBytes(StandardCharsets.UTF_8), Map.of()))
			.status()).isEqualTo(200);
		assertProblem(translate("{\"text\":\"" + "1".repeat(13) + "\"}"), 400, "invalid-request");
	}

	@Test
	void batchSizes() {
		StringBuilder data = new StringBuilder();
		for (int i = 0; i < 257 * 784; i++) {
			data.append((i > 0) ? "," : "").append('0');
		}
		Answer oip = oip(FuzzStore.CLASSIFIER,
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"UINT8\",\"shape\":[257,1,28,28],\"data\":[" + data
						+ "]}]}");
		assertThat(oip.status()).isEqualTo(400);
		assertThat(oip.text()).contains("at most 256");
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 65; i++) {
			texts.add("\"3 mar\"");
		}
		assertProblem(translate("{\"texts\":" + texts + "}"), 400, "invalid-request");
	}

	@Test
	void resultCounts() {
		for (String k : List.of("0", "1001", "-1")) {
			assertProblem(Probe.post(CLASSIFY + "?topK=" + k, "image/png", TROUSER), 400, "invalid-request");
			assertProblem(Probe.get(MODELS + FuzzStore.WORDS + "/words/king/similar?k=" + k), 400, "invalid-request");
		}
		assertProblem(Probe.post(MODELS + FuzzStore.FACES + "/identify?topK=101", "image/png", Images.FACE), 400,
				"invalid-request");
		assertProblem(Probe.post(MODELS + FuzzStore.DETECTOR + "/detect?maxDetections=10001", "image/png", TROUSER),
				400, "invalid-request");
	}

	@Test
	void beamWidth() {
		for (String beam : List.of("17", "0", "-3")) {
			assertProblem(translate("{\"text\":\"3 mar\",\"beamWidth\":" + beam + "}"), 400, "invalid-request");
		}
	}

	@Test
	void galleryImagesAndIdentities() {
		StringBuilder images = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			images.append((i > 0) ? "," : "").append('"').append(base64(Images.FACE)).append('"');
		}
		assertProblem(Probe.put(MODELS + FuzzStore.FACES + "/gallery/many", "application/json",
				("{\"images\":[" + images + "]}").getBytes(StandardCharsets.UTF_8)), 400, "invalid-request");
		// The gallery holds at most 5 identities here; fuzzing may have enrolled some.
		int status = 0;
		for (int i = 0; i < 6 && status != 409; i++) {
			status = handled(Probe.put(MODELS + FuzzStore.FACES + "/gallery/limit-" + i, "application/json",
					("{\"images\":[\"" + base64(Images.FACE) + "\"]}").getBytes(StandardCharsets.UTF_8)))
				.status();
		}
		assertThat(status).isEqualTo(409);
	}

	@Test
	void jsonNesting() {
		Random random = new Random(1);
		for (int depth : List.of(501, 10_000, 100_000)) {
			// Too deep for the parser (malformed-json), or parsed but not the object the
			// endpoint reads (invalid-value): either way a 400 that says which.
			Answer answer = assertProblem(Probe.post(CLASSIFY, "application/json", Nasty.deepJson(random, depth)), 400,
					"");
			assertThat(json.readTree(answer.body()).get("type").asString()).as("%s", answer)
				.matches("urn:modelport:problem:(malformed-json|invalid-value)");
			assertThat(oip(FuzzStore.CLASSIFIER, "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\","
					+ "\"shape\":[1],\"data\":" + Nasty.deepJson(random, depth) + "}]}")
				.status()).isEqualTo(400);
		}
	}

	@Test
	void uploadSize() {
		Multipart upload = new Multipart().field("name", "too-big")
			.field("kind", "text")
			.file("file", "big.txt", "text/plain", "a".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
		assertThat(handled(Probe.post("/api/v1/datasets", upload.contentType(), upload.body())).status())
			.isEqualTo(413);
	}

	@Test
	void queuedTrainingJobs() {
		Multipart corpus = new Multipart().field("name", "limits-corpus")
			.field("kind", "text")
			.file("file", "c.txt", "text/plain", "in the beginning was the word\n".getBytes(StandardCharsets.UTF_8));
		assertThat(handled(Probe.post("/api/v1/datasets", corpus.contentType(), corpus.body())).status()).isIn(201,
				409);
		Answer answer = null;
		List<String> accepted = new ArrayList<>();
		// One job runs (idle), two may wait: the fourth submission at the latest is
		// refused.
		for (int i = 0; i < 5 && (answer == null || answer.status() == 202); i++) {
			answer = handled(Probe.post("/api/v1/training-jobs", "application/json",
					"{\"task\":\"word2vec\",\"model\":\"queued-" + i + "\",\"dataset\":\"limits-corpus\"}"));
			if (answer.status() == 202) {
				accepted.add(json.readTree(answer.body()).get("id").asString());
			}
		}
		assertThat(answer.status()).as("%s", answer).isEqualTo(429);
		assertThat(accepted).hasSizeLessThanOrEqualTo(3);
		assertThat(json.readTree(answer.body()).get("type").asString()).endsWith("training-queue-full");
		// max-concurrent-jobs is 1: one job runs, the others wait.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("RUNNING")).isEqualTo(1));
		assertThat(count("QUEUED")).isEqualTo(2);
		for (JsonNode job : json.readTree(this.http.send(Probe.get("/api/v1/training-jobs?size=100")).body())
			.get("items")) {
			if (List.of("QUEUED", "RUNNING").contains(job.get("state").asString())) {
				this.http.send(
						new Probe("DELETE", "/api/v1/training-jobs/" + job.get("id").asString(), null, null, Map.of()));
			}
		}
	}

	@Test
	void requestTimeoutHeader() {
		for (String millis : List.of("0", "3600001", "-5")) {
			assertProblem(Probe.post(CLASSIFY, "image/png", TROUSER).withHeader("Request-Timeout", millis), 400,
					"invalid-request");
		}
	}

	private long count(String state) {
		return json.readTree(this.http.send(Probe.get("/api/v1/training-jobs?state=" + state)).body())
			.get("total")
			.asLong();
	}

	private Answer assertProblem(Probe probe, int status, String type) {
		Answer answer = handled(probe);
		assertThat(answer.status()).as("%s -> %s", probe, answer).isEqualTo(status);
		assertThat(json.readTree(answer.body()).get("type").asString()).as("%s", answer).endsWith(type);
		return answer;
	}

	private Answer oip(String model, String body) {
		return handled(Probe.post("/v2/models/" + model + "/infer", "application/json", body));
	}

	private static Probe translate(String body) {
		return Probe.post(MODELS + FuzzStore.TRANSLATOR + "/translate", "application/json", body);
	}

}
