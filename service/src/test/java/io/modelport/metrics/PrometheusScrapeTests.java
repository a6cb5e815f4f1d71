package io.modelport.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring files against a real Prometheus (the Debian server, started here on a
 * free loopback port) that scrapes the running service with the project's own
 * {@code prometheus.yml} and {@code alerts.yml}: the rules load and evaluate without
 * error, and every dashboard expression and every alert expression (less its threshold,
 * since a healthy service fires nothing) returns data. That is what proves a panel
 * matches the names and labels Micrometer really writes, which a syntax check cannot.
 * Skipped without the {@code prometheus} binary unless
 * {@code -Dmodelport.prometheus.required=true}.
 *
 * @author Modelport Team
 */
@SlowTest
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.runtime.workers=1", "modelport.runtime.max-batch-size=1" })
class PrometheusScrapeTests {

	private static final Path STORE = storeWithAFailedModel();

	/** The comparison that turns an alert's series into a firing condition. */
	private static final String THRESHOLD = "\\s*(==|!=|>=|<=|>|<)\\s*[0-9.]+\\s*$";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Path work;

	private static Process prometheus;

	private static String prometheusUrl;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
	}

	@AfterAll
	static void stopPrometheus() throws InterruptedException {
		if (prometheus != null) {
			prometheus.destroy();
			prometheus.waitFor(20, TimeUnit.SECONDS);
		}
	}

	@BeforeAll
	static void prepare() throws IOException {
		work = Files.createTempDirectory("modelport-prometheus");
	}

	@Test
	void everyDashboardAndAlertExpressionReturnsDataFromARealScrape() throws Exception {
		String binary = Executables.require("prometheus", "modelport.prometheus.required");
		startPrometheus(binary);
		sendTraffic();
		Map<String, String> expressions = expressionsToEvaluate();
		// Rates need two scrapes after the traffic; the scrape interval is 1 s.
		List<String> empty = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			empty.clear();
			expressions.forEach((name, expression) -> {
				if (query(expression).isEmpty()) {
					empty.add(name + ": " + expression);
				}
			});
			assertThat(empty).as("expressions without data").isEmpty();
		});
		assertThat(expressions).hasSizeGreaterThan(30);
		assertRulesLoadedAndHealthy();
		assertThat(query("up{job=\"modelport\"} == 1")).hasSize(1);
	}

	private void startPrometheus(String binary) throws IOException {
		Files.copy(MonitoringFiles.ALERTS, work.resolve("alerts.yml"));
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, new Yaml().dump(configForThisTest()));
		int prometheusPort = freePort();
		prometheusUrl = "http://127.0.0.1:" + prometheusPort;
		prometheus = new ProcessBuilder(binary, "--config.file=" + config,
				"--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status("/-/ready") == 200 || !prometheus.isAlive());
		assertThat(prometheus.isAlive()).as(() -> log("Prometheus exited")).isTrue();
	}

	/**
	 * The project's {@code prometheus.yml} with two changes only: the target is this
	 * service on loopback instead of the compose service name, and scrapes and rule
	 * evaluations run every second.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> configForThisTest() throws IOException {
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(MonitoringFiles.PROMETHEUS_CONFIG)) {
			config = new Yaml().load(reader);
		}
		Map<String, Object> global = (Map<String, Object>) config.get("global");
		global.put("scrape_interval", "1s");
		global.put("evaluation_interval", "1s");
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		assertThat(jobs).extracting((job) -> job.get("job_name")).containsExactly("modelport");
		jobs.get(0).put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + this.port))));
		return config;
	}

	/**
	 * Fills the series the panels and alerts read: successes, invalid input, a 503 from a
	 * FAILED model, and requests whose 1 ms deadline passes behind others in a one-worker
	 * queue (timed_out).
	 */
	private void sendTraffic() throws Exception {
		String classify = "/api/v1/models/" + Fixtures.TINY_MODEL + "/classify";
		byte[] png = Fixtures.image("trouser.png");
		for (int i = 0; i < 5; i++) {
			assertThat(post(classify, png, null).statusCode()).isEqualTo(200);
		}
		assertThat(post(classify, new byte[] { 1, 2, 3 }, null).statusCode()).isEqualTo(400);
		assertThat(post("/api/v1/models/corrupt/classify", png, null).statusCode()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				burst.add(client.sendAsync(request(classify, png, "1"), HttpResponse.BodyHandlers.ofString()));
			}
			return burst.stream().map(CompletableFuture::join).anyMatch((response) -> response.statusCode() == 504);
		});
		// Micrometer registers the GC pause timer at the JVM's first collection.
		System.gc();
	}

	private Map<String, String> expressionsToEvaluate() throws IOException {
		Map<String, String> expressions = new LinkedHashMap<>();
		int panel = 0;
		for (String expression : MonitoringFiles.dashboardExpressions()) {
			expressions.put("dashboard expression " + (++panel), MonitoringFiles.substituteVariables(expression));
		}
		MonitoringFiles.alertExpressions()
			.forEach((alert, expression) -> expressions.put(alert, expression.strip().replaceFirst(THRESHOLD, "")));
		return expressions;
	}

	private static void assertRulesLoadedAndHealthy() {
		JsonNode groups = get("/api/v1/rules").get("data").get("groups");
		List<String> alerts = new ArrayList<>();
		for (JsonNode group : groups) {
			for (JsonNode rule : group.get("rules")) {
				alerts.add(rule.get("name").asString());
				assertThat(rule.get("health").asString()).as(() -> rule.get("name") + ": " + rule.get("lastError"))
					.isEqualTo("ok");
			}
		}
		try {
			assertThat(alerts).containsExactlyElementsOf(MonitoringFiles.alertExpressions().keySet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode query(String expression) {
		JsonNode response = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
		assertThat(response.get("status").asString()).as(expression).isEqualTo("success");
		return response.get("data").get("result");
	}

	private static JsonNode get(String path) {
		try {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int status(String path) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private HttpResponse<String> post(String path, byte[] body, String timeoutMillis)
			throws IOException, InterruptedException {
		return client.send(request(path, body, timeoutMillis), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path, byte[] body, String timeoutMillis) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (timeoutMillis != null) {
			builder.header("Request-Timeout", timeoutMillis);
		}
		return builder.build();
	}

	private static String log(String message) {
		try {
			return message + ":\n" + Files.readString(work.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return message;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Path storeWithAFailedModel() {
		try {
			Path store = Fixtures.tinyModelStore("modelport-prometheus-store");
			Path corrupt = Fixtures.copyTinyModel(store, "corrupt", 1);
			Files.write(Fixtures.paramsFile(corrupt), new byte[] { 42 });
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
