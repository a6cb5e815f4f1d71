package io.modelport.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.Fixtures;
import io.modelport.ModelportApplication;
import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;

/**
 * Inference benchmark: the raw in-process DJL {@code Predictor} (the ceiling) against the
 * service over HTTP on 127.0.0.1, at several concurrencies, with batching off and on, on
 * the task endpoint and the Open Inference Protocol endpoint, for the shipped tiny
 * classifier and a compute-heavy CNN. Everything runs in one JVM on the same cores; the
 * load generator's CPU time is reported. Prints a Markdown table.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=inference \
 *     [-Dbenchmark.seconds=5] [-Dbenchmark.threads=1]
 * </pre>
 *
 * @author Modelport Team
 */
public final class InferenceBenchmark {

	private static final int[] CONCURRENCY = { 1, 8, 32, 64 };

	private InferenceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "5"));
		// Before DJL loads: the thread count is read once, by the engine.
		int threads = Integer.parseInt(System.getProperty("benchmark.threads", "0"));
		if (threads > 0) {
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		}
		Path store = Files.createTempDirectory("modelport-bench");
		copyTree(Path.of("model-store/fashion-mnist"), store.resolve("fashion-mnist"));
		Fixtures.heavyModel(store.resolve("heavy-cnn/1"), 256);
		byte[] tinyPng = Files.readAllBytes(Path.of("service/src/test/resources/images/fashion-mnist/bag.png"));
		byte[] heavyPng = tinyPng;
		List<String> rows = new ArrayList<>();
		for (String model : List.of("fashion-mnist", "heavy-cnn")) {
			ModelDescriptor descriptor = new ModelStore(store).find(model).orElseThrow().descriptor(1);
			double[] ceiling = rawPredictor(descriptor, seconds);
			rows.add(String.format("| %s | raw Predictor, batch 1 | 1 | - | %.0f | %.2f | %.2f | 1.00 | - | 0 |", model,
					ceiling[0], ceiling[1], ceiling[2]));
			rows.add(String.format("| %s | raw Predictor, batch %d | 1 | - | %.0f | - | - | %.2f | - | 0 |", model,
					(int) ceiling[4], ceiling[3], ceiling[3] / ceiling[0]));
			for (int batch : new int[] { 1, 8 }) {
				try (ConfigurableApplicationContext app = start(store, batch)) {
					int port = ((WebServerApplicationContext) app).getWebServer().getPort();
					byte[] png = model.equals("heavy-cnn") ? heavyPng : tinyPng;
					for (String endpoint : List.of("task", "v2")) {
						for (int concurrency : CONCURRENCY) {
							Result r = load(port, model, endpoint, png, concurrency, seconds);
							rows.add(String.format(
									"| %s | HTTP %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %.0f%% | %d |", model,
									endpoint, concurrency, (batch == 1) ? "off" : "max 8", r.throughput(), r.p50(),
									r.p99(), r.throughput() / ceiling[0], r.loadCpuShare() * 100, r.errors()));
						}
					}
				}
			}
		}
		System.out.println();
		System.out.println("| model | path | concurrency | batching | req/s | p50 ms | p99 ms | vs raw batch 1 |"
				+ " load-generator CPU | errors |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	// {batch-1 req/s, p50 ms, p99 ms, best batched items/s, best batch size}
	private static double[] rawPredictor(ModelDescriptor descriptor, double seconds) throws Exception {
		InputSpec input = descriptor.input();
		float[] tensor = new float[input.channels() * input.height() * input.width()];
		try (Model model = loadRaw(descriptor)) {
			try (Predictor<Object, Object> predictor = model.newPredictor(castTranslator(descriptor))) {
				for (int i = 0; i < 50; i++) {
					predictor.predict(tensor);
				}
				List<Double> latencies = new ArrayList<>();
				long end = System.nanoTime() + (long) (seconds * 1e9);
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					predictor.predict(tensor);
					latencies.add((System.nanoTime() - start) / 1e6);
				}
				double single = latencies.size() / seconds;
				double best = 0;
				int bestBatch = 1;
				for (int batch : new int[] { 8, 32 }) {
					List<Object> inputs = Collections.nCopies(batch, tensor);
					predictor.batchPredict(inputs);
					long items = 0;
					long stop = System.nanoTime() + (long) (seconds / 2 * 1e9);
					long start = System.nanoTime();
					while (System.nanoTime() < stop) {
						predictor.batchPredict(inputs);
						items += batch;
					}
					double rate = items / ((System.nanoTime() - start) / 1e9);
					if (rate > best) {
						best = rate;
						bestBatch = batch;
					}
				}
				Collections.sort(latencies);
				return new double[] { single, percentile(latencies, 0.5), percentile(latencies, 0.99), best,
						bestBatch };
			}
		}
	}

	static Model loadRaw(ModelDescriptor descriptor) throws Exception {
		Model model = Model.newInstance("raw", Device.cpu(), "PyTorch");
		model.setBlock(ArchitectureCatalog.build(descriptor.architecture()));
		String file = descriptor.weights().file();
		model.load(descriptor.directory(), file.substring(0, file.lastIndexOf('-')));
		return model;
	}

	@SuppressWarnings("unchecked")
	static ai.djl.translate.Translator<Object, Object> castTranslator(ModelDescriptor descriptor) {
		ai.djl.translate.Translator<?, ?> translator = new ClassifierTaskAdapter().translator(descriptor);
		return (ai.djl.translate.Translator<Object, Object>) translator;
	}

	private static Result load(int port, String model, String endpoint, byte[] png, int concurrency, double seconds)
			throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = endpoint.equals("task")
				? HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/models/" + model + "/classify"))
					.header("Content-Type", "image/png")
					.POST(HttpRequest.BodyPublishers.ofByteArray(png))
					.build()
				: HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/models/" + model + "/infer"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\","
							+ "\"shape\":[1],\"data\":[\"" + Base64.getEncoder().encodeToString(png) + "\"]}]}"))
					.build();
		// Models load in the background after startup: wait until this one serves.
		HttpRequest ready = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/models/" + model + "/ready"))
			.build();
		while (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
			Thread.sleep(100);
		}
		for (int i = 0; i < 20; i++) {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicLong cpu = new AtomicLong();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		CountDownLatch done = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			Thread thread = new Thread(() -> {
				long cpuStart = threads.getCurrentThreadCpuTime();
				try {
					while (System.nanoTime() < end) {
						long sent = System.nanoTime();
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						latencies.add((System.nanoTime() - sent) / 1e6);
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
				}
				catch (IOException | InterruptedException ex) {
					errors.incrementAndGet();
				}
				finally {
					cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
					done.countDown();
				}
			});
			thread.start();
		}
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		int cores = Runtime.getRuntime().availableProcessors();
		return new Result(sorted.size() / elapsed, percentile(sorted, 0.5), percentile(sorted, 0.99),
				cpu.get() / 1e9 / (elapsed * cores), errors.get());
	}

	private static ConfigurableApplicationContext start(Path store, int batch) {
		return new SpringApplicationBuilder(ModelportApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--modelport.runtime.max-batch-size=" + batch, "--modelport.runtime.queue-capacity=1024",
				"--spring.datasource.url=jdbc:h2:mem:bench", "--modelport.training.work-dir=" + store.resolve(".jobs"),
				"--logging.level.root=WARN");
	}

	static void copyTree(Path source, Path target) throws IOException {
		try (var paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
	}

	static double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

	private record Result(double throughput, double p50, double p99, double loadCpuShare, int errors) {

	}

}
