package io.modelport.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.Fixtures;
import io.modelport.ModelportApplication;

/**
 * Hot swap under load: two versions of a large CNN (random weights, about 300 MB of
 * parameters each) are loaded, clients call the default version over HTTP, and version 2
 * is promoted mid-run. Prints the process RSS at each step and every response status the
 * clients saw. Run it once plain and once with jemalloc preloaded: glibc keeps freed
 * native memory in its arenas, jemalloc gives it back to the OS.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=hot-swap
 * LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:1000 ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=hot-swap
 * </pre>
 *
 * @author Modelport Team
 */
public final class HotSwapBenchmark {

	private static final int DENSE = 2048;

	private HotSwapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path store = Files.createTempDirectory("modelport-swap");
		Fixtures.heavyModel(store.resolve("heavy-cnn/1"), DENSE);
		Fixtures.heavyModel(store.resolve("heavy-cnn/2"), DENSE);
		Files.writeString(store.resolve("heavy-cnn/model.yaml"), "defaultVersion: 1\n");
		byte[] png = Files.readAllBytes(Path.of("service/src/test/resources/images/fashion-mnist/bag.png"));
		String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
		System.out.println("allocator: " + (preload.contains("jemalloc") ? "jemalloc" : "glibc malloc"));
		Map<String, Long> rss = new java.util.LinkedHashMap<>();
		rss.put("JVM started, no model", rssMiB());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--spring.datasource.url=jdbc:h2:mem:swap", "--modelport.training.work-dir=" + store.resolve(".jobs"),
				"--logging.level.root=WARN")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			awaitReady(client, base, 1);
			awaitReady(client, base, 2);
			settle();
			rss.put("versions 1 and 2 loaded", rssMiB());
			Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				clients.execute(() -> call(client, base, png, running, statuses));
			}
			Thread.sleep(3000);
			long start = System.nanoTime();
			HttpResponse<String> promoted = client
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/heavy-cnn/versions/2/promote"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			double promoteMs = (System.nanoTime() - start) / 1e6;
			Thread.sleep(3000);
			running.set(false);
			clients.shutdown();
			clients.awaitTermination(30, TimeUnit.SECONDS);
			settle();
			rss.put("version 2 promoted, version 1 unloaded", rssMiB());
			System.out.println("promote: HTTP " + promoted.statusCode() + " in " + String.format("%.0f", promoteMs)
					+ " ms; responses during the run by version/status: " + new TreeMap<>(statuses));
		}
		System.out.println();
		System.out.println("| step | RSS MiB |");
		System.out.println("|---|---|");
		rss.forEach((step, mib) -> System.out.println("| " + step + " | " + mib + " |"));
	}

	private static void call(HttpClient client, String base, byte[] png, AtomicBoolean running,
			Map<String, AtomicInteger> statuses) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/models/heavy-cnn/classify"))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(png))
			.build();
		while (running.get()) {
			String key;
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				String version = response.body().replaceAll("(?s).*\"version\":(\\d+).*", "v$1");
				key = (response.statusCode() == 200) ? version + "/200" : "-/" + response.statusCode();
			}
			catch (IOException ex) {
				key = "-/" + ex.getClass().getSimpleName();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			statuses.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
		}
	}

	private static void awaitReady(HttpClient client, String base, int version) throws Exception {
		HttpRequest ready = HttpRequest
			.newBuilder(URI.create(base + "/v2/models/heavy-cnn/versions/" + version + "/ready"))
			.build();
		for (int i = 0; i < 1200; i++) {
			if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("version " + version + " did not load");
	}

	// A full GC and a pause, so freed heap and the allocator's decay do not blur the
	// figure.
	private static void settle() throws InterruptedException {
		System.gc();
		Thread.sleep(3000);
	}

	private static long rssMiB() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		throw new IllegalStateException("no VmRSS in /proc/self/status");
	}

}
