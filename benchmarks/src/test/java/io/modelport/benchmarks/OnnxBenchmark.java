package io.modelport.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.detection.DetectorTaskAdapter;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ServingPropertiesReader;

/**
 * ONNX vs PyTorch on the same networks, in process, at concurrency 1 and 8: the small CNN
 * (the TorchScript fixture and its ONNX export,
 * {@code service/src/test/python/export_onnx.py}) and the shipped detector (DJL
 * parameters and the ONNX export that {@code export_detector_onnx.py} makes at start with
 * python3-torch). Two paths per engine: a raw DJL {@code Predictor} per client thread
 * (the engine alone) and the service's loaded model (predictor pool of two workers,
 * batching up to 8), which is what the endpoints call. Both engines get the same intra-op
 * thread count. Prints {@code uptime} and a Markdown table with the ONNX/PyTorch
 * throughput ratio.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=onnx [-Dbenchmark.seconds=5] [-Dbenchmark.threads=1]
 * </pre>
 *
 * @author Modelport Team
 */
public final class OnnxBenchmark {

	private static final Path ONNX = Path.of("service/src/test/resources/model-store-onnx/onnx-fashion/1");

	private static final Path TORCH = Path.of("service/src/test/resources/djl-serving/torch-fashion");

	private static final Path DETECTOR = Path.of("model-store/fashion-scenes/1");

	private static final int[] CONCURRENCY = { 1, 8 };

	private OnnxBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "5"));
		int threads = Integer.parseInt(System.getProperty("benchmark.threads", "1"));
		// Before DJL loads: PyTorch reads its thread count once.
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		System.out.println("uptime before: " + uptime());
		ModelDescriptor onnx = DescriptorParser.parse("onnx-fashion", 1, ONNX);
		ModelDescriptor torch = ServingPropertiesReader.read("torch-fashion", 1, TORCH);
		float[] tensor = new float[28 * 28];
		for (int i = 0; i < tensor.length; i++) {
			tensor[i] = (i % 29) / 28f;
		}
		ModelLoader loader = new ModelLoader(
				List.of(new ClassifierTaskAdapter(), new DetectorTaskAdapter()), new RuntimeProperties("cpu", 2, 8,
						Duration.ofMillis(2), 256, Duration.ofSeconds(30), Duration.ofSeconds(5), threads, true),
				new SimpleMeterRegistry());
		List<String> rows = new ArrayList<>();
		for (int concurrency : CONCURRENCY) {
			Result rawTorch = raw(torch, "PyTorch", "torch-fashion", tensor, concurrency, seconds, threads);
			Result rawOnnx = raw(onnx, "OnnxRuntime", "onnx-fashion", tensor, concurrency, seconds, threads);
			rows.add(row("small CNN: raw Predictor", concurrency, rawTorch, rawOnnx));
			Result poolTorch = pooled(loader, torch, tensor, concurrency, seconds);
			Result poolOnnx = pooled(loader, onnx, tensor, concurrency, seconds);
			rows.add(row("small CNN: loaded model (2 workers, batch ≤ 8)", concurrency, poolTorch, poolOnnx));
		}
		// The shipped detector (DJL parameters) and its ONNX export, through the loaded
		// model as the detect endpoint calls it.
		ModelDescriptor scenes = DescriptorParser.parse("fashion-scenes", 1, DETECTOR);
		ModelDescriptor scenesOnnx = exportDetector(Files.createTempDirectory("onnx-scenes").resolve("1"));
		float[] scene = new float[scenes.input().width() * scenes.input().height()];
		for (int i = 0; i < scene.length; i++) {
			scene[i] = ((i / 64 + i % 64) % 23 < 9) ? 0.8f : 0.05f;
		}
		for (int concurrency : CONCURRENCY) {
			Result poolTorch = pooled(loader, scenes, scene, concurrency, seconds);
			Result poolOnnx = pooled(loader, scenesOnnx, scene, concurrency, seconds);
			rows.add(row("detector (fashion-scenes 64×64): loaded model", concurrency, poolTorch, poolOnnx));
		}
		System.out.println();
		System.out.println("| path | concurrency | PyTorch req/s | PyTorch p50 ms | PyTorch p99 ms | ONNX req/s"
				+ " | ONNX p50 ms | ONNX p99 ms | ONNX/PyTorch req/s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.out.println();
		System.out.println("uptime after: " + uptime() + "; intra-op threads " + threads + ", " + seconds
				+ " s per cell, " + Runtime.getRuntime().availableProcessors() + " CPUs");
	}

	// The export OnnxDetectorTests checks:
	// service/src/test/python/export_detector_onnx.py
	// with Debian's python3-torch, and the shipped descriptor with format: onnx.
	private static ModelDescriptor exportDetector(Path target) throws Exception {
		Files.createDirectories(target);
		Path graph = target.resolve("onnx-scenes.onnx");
		Process process = new ProcessBuilder("/usr/bin/python3", "service/src/test/python/export_detector_onnx.py",
				DETECTOR.toString(), graph.toString(), "64")
			.inheritIO()
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("the ONNX export failed (is python3-torch installed?)");
		}
		String descriptor = Files.readString(DETECTOR.resolve(DescriptorParser.FILE_NAME))
			.replaceFirst("(?m)^format: djl-params$", "format: onnx")
			.replaceFirst("(?m)^- file: .*$", "- file: onnx-scenes.onnx")
			.replaceFirst("(?m)^  sha256: \\w+$", "  sha256: " + Checksums.sha256(graph))
			.replaceFirst("(?m)^architecture:\\n(  .*\\n)+", "");
		Files.writeString(target.resolve(DescriptorParser.FILE_NAME), descriptor);
		return DescriptorParser.parse("onnx-scenes", 1, target);
	}

	private static String row(String path, int concurrency, Result torch, Result onnx) {
		return String.format("| %s | %d | %.0f | %.3f | %.3f | %.0f | %.3f | %.3f | %.2f |", path, concurrency,
				torch.throughput(), torch.p50(), torch.p99(), onnx.throughput(), onnx.p50(), onnx.p99(),
				onnx.throughput() / torch.throughput());
	}

	private static Result raw(ModelDescriptor descriptor, String engine, String prefix, float[] tensor, int concurrency,
			double seconds, int threads) throws Exception {
		try (Model model = Model.newInstance("raw-" + engine, Device.cpu(), engine)) {
			model.load(descriptor.directory(), prefix,
					engine.equals("OnnxRuntime") ? Map.of("intraOpNumThreads", Integer.toString(threads)) : Map.of());
			List<Predictor<Object, Object>> predictors = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				predictors.add(model.newPredictor(InferenceBenchmark.castTranslator(descriptor)));
			}
			try {
				List<Callable<Object>> calls = new ArrayList<>();
				for (Predictor<Object, Object> predictor : predictors) {
					calls.add(() -> predictor.predict(tensor));
				}
				return measure(calls, seconds);
			}
			finally {
				predictors.forEach(Predictor::close);
			}
		}
	}

	private static Result pooled(ModelLoader loader, ModelDescriptor descriptor, float[] tensor, int concurrency,
			double seconds) throws Exception {
		try (LoadedModel model = loader.load(descriptor)) {
			return measure(Collections.nCopies(concurrency, () -> model.predict(tensor)), seconds);
		}
	}

	// One client thread per call: warm up, then call in a loop for the given time.
	private static Result measure(List<Callable<Object>> calls, double seconds) throws Exception {
		for (Callable<Object> call : calls) {
			for (int i = 0; i < 50; i++) {
				call.call();
			}
		}
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(calls.size());
		List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		for (Callable<Object> call : calls) {
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						long sent = System.nanoTime();
						call.call();
						latencies.add((System.nanoTime() - sent) / 1e6);
					}
				}
				catch (Exception ex) {
					errors.add(ex);
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		done.await();
		if (!errors.isEmpty()) {
			throw new IllegalStateException("benchmark call failed", errors.get(0));
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted.size() / elapsed, percentile(sorted, 0.5), percentile(sorted, 0.99));
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
	}

	private static String uptime() {
		try {
			Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line = reader.readLine();
				process.waitFor();
				return (line != null) ? line.strip() : "?";
			}
		}
		catch (Exception ex) {
			return "unavailable (" + ex.getMessage() + ")";
		}
	}

	private record Result(double throughput, double p50, double p99) {
	}

}
