package io.modelport.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import ai.djl.inference.Predictor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.ModelportApplication;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;

/**
 * Where the time of one request goes at concurrency 1: sequential requests to the task
 * endpoint of the shipped classifier, timed by the client, against the service's own
 * timers (HTTP server, service call, queue wait, compute) and the same steps run in a
 * plain loop in the same JVM (decode + preprocess, raw {@code Predictor}). Prints the
 * mean of each stage in microseconds.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=latency [-Dbenchmark.requests=3000]
 * </pre>
 *
 * @author Modelport Team
 */
public final class LatencyBreakdownBenchmark {

	private LatencyBreakdownBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(System.getProperty("benchmark.requests", "3000"));
		Path store = Files.createTempDirectory("modelport-latency");
		InferenceBenchmark.copyTree(Path.of("model-store/fashion-mnist"), store.resolve("fashion-mnist"));
		byte[] png = Files.readAllBytes(Path.of("service/src/test/resources/images/fashion-mnist/bag.png"));
		ModelDescriptor descriptor = new ModelStore(store).find("fashion-mnist").orElseThrow().descriptor(2);
		Map<String, Double> stages = new LinkedHashMap<>();
		ImageDecoder decoder = new ImageDecoder(16_000_000);
		stages.put("in-process: decode PNG + preprocess",
				meanMicros(requests, () -> ImagePreprocessor.toTensor(decoder.decode(png), descriptor.input()).length));
		try (ai.djl.Model model = InferenceBenchmark.loadRaw(descriptor);
				Predictor<Object, Object> predictor = model
					.newPredictor(InferenceBenchmark.castTranslator(descriptor))) {
			float[] tensor = ImagePreprocessor.toTensor(decoder.decode(png), descriptor.input());
			stages.put("in-process: raw Predictor.predict", meanMicros(requests, () -> {
				try {
					return ((float[]) predictor.predict(tensor)).length;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--modelport.store.location=" + store, "--spring.datasource.url=jdbc:h2:mem:latency",
				"--modelport.training.work-dir=" + store.resolve(".jobs"), "--logging.level.root=WARN"));
		// Extra settings to compare, e.g. -Dbenchmark.app="--modelport.runtime.workers=1"
		arguments.addAll(List.of(System.getProperty("benchmark.app", "").split(" "))
			.stream()
			.filter((argument) -> !argument.isBlank())
			.toList());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class)
			.run(arguments.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			MeterRegistry meters = app.getBean(MeterRegistry.class);
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/models/fashion-mnist/classify"))
				.header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build();
			for (int i = 0; i < 600; i++) {
				if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
					Thread.sleep(100);
				}
			}
			Map<String, double[]> before = snapshot(meters);
			List<Double> times = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				times.add((System.nanoTime() - start) / 1e3);
				if (response.statusCode() != 200) {
					throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
				}
			}
			Map<String, double[]> after = snapshot(meters);
			Collections.sort(times);
			stages.put("client: HTTP round trip, mean",
					times.stream().mapToDouble(Double::doubleValue).average().orElse(0));
			stages.put("client: HTTP round trip, p50", InferenceBenchmark.percentile(times, 0.5));
			after.forEach((name, value) -> stages.put("service timer: " + name,
					(value[1] - before.get(name)[1]) / Math.max(1, value[0] - before.get(name)[0])));
		}
		System.out.println();
		System.out.println("| stage (" + requests + " sequential requests) | mean µs |");
		System.out.println("|---|---|");
		stages.forEach((stage, micros) -> System.out.printf("| %s | %.0f |%n", stage, micros));
	}

	// {count, total µs} of the timers on the request path, summed over their tags.
	static Map<String, double[]> snapshot(MeterRegistry meters) {
		Map<String, double[]> totals = new LinkedHashMap<>();
		for (String name : List.of("http.server.requests", "modelport.inference", "modelport.inference.queue.wait",
				"modelport.inference.compute")) {
			double[] total = new double[2];
			for (Timer timer : meters.find(name).timers()) {
				total[0] += timer.count();
				total[1] += timer.totalTime(TimeUnit.MICROSECONDS);
			}
			totals.put(name, total);
		}
		return totals;
	}

	private static double meanMicros(int runs, DoubleSupplier step) {
		double sink = 0;
		for (int i = 0; i < runs / 2; i++) {
			sink += step.getAsDouble();
		}
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			sink += step.getAsDouble();
		}
		double mean = (System.nanoTime() - start) / 1e3 / runs;
		return (sink >= 0) ? mean : -mean;
	}

}
