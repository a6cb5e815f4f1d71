package io.modelport.robustness;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service on a random port, serving one model of every task from a temporary
 * {@link FuzzStore}, with {@link IdleJobRunner idle training workers}; every robustness
 * test class shares it (one Spring context). Before each test every model is READY; after
 * each, readiness must still be UP and a normal classification must still succeed.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(IdleJobRunner.class)
abstract class ServiceUnderFuzz {

	static final FuzzStore STORE = FuzzStore.create();

	static final JsonMapper json = JsonMapper.builder().build();

	/** The committed sample the after-check classifies. */
	static final byte[] TROUSER = Fixtures.image("trouser.png");

	@LocalServerPort
	int port;

	FuzzHttp http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", () -> STORE.models().toString());
		registry.add("modelport.datasets.location", () -> STORE.datasets().toString());
		registry.add("modelport.training.work-dir", () -> STORE.jobs().toString());
		registry.add("modelport.datasets.bible-command", () -> STORE.root().resolve("no-bible").toString());
		registry.add("modelport.datasets.fashion-mnist-location", () -> STORE.root().resolve("no-fashion").toString());
		registry.add("modelport.datasets.max-upload-size", () -> "2MB");
		registry.add("modelport.datasets.max-uncompressed-size", () -> "8MB");
		registry.add("modelport.training.max-queued-jobs", () -> "2");
		registry.add("modelport.faces.gallery.max-identities", () -> "5");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:fuzz-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@BeforeEach
	void everyModelReady() {
		this.http = new FuzzHttp(this.port);
		await().atMost(Duration.ofSeconds(120)).until(() -> FuzzStore.MODELS.stream().allMatch(this::ready));
	}

	@AfterEach
	void serviceStaysHealthy() {
		assertThat(this.http.send(Probe.get("/actuator/health/readiness")).status()).isEqualTo(200);
		Answer classified = this.http
			.send(Probe.post("/api/v1/models/" + FuzzStore.CLASSIFIER + "/classify", "image/png", TROUSER));
		assertThat(classified.status()).as("%s", classified).isEqualTo(200);
		assertThat(classified.text()).contains("\"predictions\"");
	}

	@AfterAll
	static void report(org.junit.jupiter.api.TestInfo info) {
		System.out.println("robustness: " + info.getTestClass().map(Class::getSimpleName).orElse("?") + " seed "
				+ Fuzz.seed() + ", tries " + Fuzz.tries() + ", answers by status " + FuzzHttp.takeStatuses());
	}

	/**
	 * Sends a probe and checks the robustness property: no 5xx (a 504 only when the probe
	 * set a deadline), an answer within {@link FuzzHttp#TIMEOUT}, and a 4xx of the task
	 * API as problem+json whose status matches.
	 * @param probe the request
	 * @return the answer
	 */
	Answer handled(Probe probe) {
		Answer answer = this.http.send(probe);
		assertHandled(probe, answer);
		return answer;
	}

	static void assertHandled(Probe probe, Answer answer) {
		boolean deadline = answer.status() == 504 && probe.setsDeadline();
		assertThat(answer.status() < 500 || deadline).as("no 5xx: %s", answer).isTrue();
		if (refusedByTomcat(probe, answer) || refusesJson(probe)) {
			return;
		}
		if (answer.status() >= 400 && answer.status() < 500 && probe.path().startsWith("/api/")) {
			assertThat(answer.contentType()).as("problem+json: %s", answer).startsWith("application/problem+json");
			JsonNode problem = json.readTree(answer.body());
			assertThat(problem.path("status").asInt()).as("%s", answer).isEqualTo(answer.status());
			assertThat(problem.path("title").asString()).as("%s", answer).isNotBlank();
		}
		// The protocol's readiness endpoints answer a bare 400 for "not ready".
		boolean readiness = probe.path().startsWith("/v2/health/") || probe.path().endsWith("/ready");
		if (answer.status() >= 400 && answer.status() < 500 && probe.path().startsWith("/v2/") && !readiness) {
			assertThat(answer.contentType()).as("JSON error: %s", answer).contains("json");
			JsonNode error = json.readTree(answer.body());
			assertThat(error.has("error") || error.has("title")).as("an error message: %s", answer).isTrue();
		}
	}

	// Tomcat refuses an encoded slash, backslash or NUL in the path, a path whose ".."
	// climbs above the root, and a request line over its 8 KB header limit, before any
	// application code runs, with its own HTML page: still a 400, never a file touched.
	private static boolean refusedByTomcat(Probe probe, Answer answer) {
		String path = probe.path().toLowerCase(java.util.Locale.ROOT);
		return answer.status() == 400 && answer.contentType() != null && answer.contentType().startsWith("text/html")
				&& (path.contains("%2f") || path.contains("%5c") || path.contains("%00") || path.contains("..")
						|| path.length() > 8000);
	}

	// A client whose Accept header rules out JSON, asks for a charset that does not exist
	// or does not parse gets the status without a problem body.
	private static boolean refusesJson(Probe probe) {
		String accept = probe.headers().getOrDefault("Accept", "*/*");
		try {
			org.springframework.http.MediaType.parseMediaTypes(accept);
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return true;
		}
		return !(accept.contains("json") || accept.contains("*/*")) || accept.contains("charset=nonexistent");
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private boolean ready(String model) {
		Answer answer = this.http.send(Probe.get("/api/v1/models/" + model));
		// Every version, not just one: tests publish new versions into the shared store,
		// and a
		// later context loads them all; a READY version 2 says nothing of version 1.
		return answer.status() == 200 && answer.text().contains("\"state\":\"READY\"")
				&& !answer.text().contains("\"state\":\"LOADING\"");
	}

}
