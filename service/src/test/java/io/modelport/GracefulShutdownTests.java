package io.modelport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the service as its own process, fills a slow model's queue, and sends SIGTERM
 * while the requests are queued and running: every one of them must complete with 200,
 * and the process must exit after the drain.
 *
 * @author Modelport Team
 */
@SlowTest
class GracefulShutdownTests {

	private static final int REQUESTS = 12;

	@TempDir
	Path directory;

	private Process service;

	@AfterEach
	void kill() {
		if (this.service != null) {
			this.service.destroyForcibly();
		}
	}

	@Test
	void requestsInFlightAtSigtermAllComplete() throws Exception {
		Path store = this.directory.resolve("store");
		Fixtures.heavyModel(store.resolve("heavy-cnn/1"), 256);
		int port = freePort();
		Path log = this.directory.resolve("service.log");
		this.service = new ProcessBuilder(javaCommand(store, port)).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + port;
		await().atMost(Duration.ofSeconds(120))
			.ignoreExceptions()
			.until(() -> client
				.send(HttpRequest.newBuilder(URI.create(base + "/v2/models/heavy-cnn/ready")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);

		byte[] png = Fixtures.image("bag.png");
		List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/heavy-cnn/classify"))
				.header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		// One worker at max batch 1: once two have answered, the others are queued or
		// running inside the service.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inFlight.stream().filter(CompletableFuture::isDone).count() >= 2);
		this.service.destroy();

		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> response : inFlight) {
			statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
		}
		assertThat(statuses).hasSize(REQUESTS).containsOnly(200);
		assertThat(this.service.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(log)).contains("Graceful shutdown complete");
	}

	private List<String> javaCommand(Path store, int port) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
				ModelportApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--modelport.store.location=" + store, "--modelport.runtime.workers=1",
				"--modelport.runtime.max-batch-size=1", "--spring.datasource.url=jdbc:h2:mem:drain",
				"--modelport.training.work-dir=" + this.directory.resolve("jobs"),
				"--modelport.datasets.location=" + this.directory.resolve("datasets"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
