package io.modelport.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.ModelportApplication;
import io.modelport.oip.grpc.GrpcServer;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.modelport.oip.grpc.v2.ModelInferRequest;

/**
 * The Open Inference Protocol on the shipped fashion-mnist CNN: gRPC with raw FP32 bytes
 * against REST with JSON tensors, the same 784 values, at concurrency 1, 8 and 64, in one
 * JVM on 127.0.0.1. Prints a Markdown table with throughput and latency ratios, and the
 * machine's load.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=grpc [-Dbenchmark.seconds=5]
 * </pre>
 *
 * @author Modelport Team
 */
public final class GrpcRestBenchmark {

	private static final int[] CONCURRENCY = { 1, 8, 64 };

	private static final String MODEL = "fashion-mnist";

	private GrpcRestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "5"));
		Path store = Files.createTempDirectory("modelport-grpc-bench");
		InferenceBenchmark.copyTree(Path.of("model-store", MODEL), store.resolve(MODEL));
		float[] values = new float[784];
		ByteBuffer raw = ByteBuffer.allocate(784 * 4).order(ByteOrder.LITTLE_ENDIAN);
		List<Float> json = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			values[i] = (i % 28) / 27f - 0.5f;
			raw.putFloat(values[i]);
			json.add(values[i]);
		}
		String body = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],\"data\":" + json
				+ "}]}";
		ModelInferRequest grpcRequest = ModelInferRequest.newBuilder()
			.setModelName(MODEL)
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName("input")
				.setDatatype("FP32")
				.addShape(1)
				.addShape(1)
				.addShape(28)
				.addShape(28))
			.addRawInputContents(ByteString.copyFrom(raw.array()))
			.build();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ModelportApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--modelport.grpc.port=0",
				"--modelport.grpc.address=127.0.0.1", "--modelport.store.location=" + store,
				"--modelport.runtime.queue-capacity=1024", "--spring.datasource.url=jdbc:h2:mem:grpcbench",
				"--modelport.training.work-dir=" + store.resolve(".jobs"), "--logging.level.root=WARN")) {
			int httpPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			int grpcPort = context.getBean(GrpcServer.class).port();
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest rest = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/v2/models/" + MODEL + "/infer"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpRequest ready = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/v2/models/" + MODEL + "/ready"))
				.build();
			while (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
				Thread.sleep(100);
			}
			ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
			GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
			Call restCall = () -> http.send(rest, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
			Call grpcCall = () -> stub.withDeadlineAfter(30, TimeUnit.SECONDS)
				.modelInfer(grpcRequest)
				.getRawOutputContentsCount() == 2;
			run(restCall, 1, 2);
			run(grpcCall, 1, 2);
			StringBuilder table = new StringBuilder(
					"| concurrency | REST JSON req/s | gRPC raw req/s | throughput ratio | REST p50 ms | gRPC p50 ms "
							+ "| REST p99 ms | gRPC p99 ms | errors | gRPC call threads |\n|---|---|---|---|---|---|---|---|---|---|\n");
			for (int concurrency : CONCURRENCY) {
				double[] r = run(restCall, concurrency, seconds);
				double[] g = run(grpcCall, concurrency, seconds);
				table.append(String.format(Locale.ROOT,
						"| %d | %.0f | %.0f | %.2f× | %.2f | %.2f | %.2f | %.2f | %d/%d | %d |%n", concurrency, r[0],
						g[0], g[0] / r[0], r[1], g[1], r[2], g[2], (int) r[3], (int) g[3], callThreads()));
			}
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			System.out.println();
			System.out.println(table);
			System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", seconds per cell: " + seconds
					+ ", uptime: " + uptime());
		}
	}

	// Requests per second, p50 and p99 in milliseconds, errors.
	private static double[] run(Call call, int concurrency, double seconds) throws InterruptedException {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		CountDownLatch done = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						long sent = System.nanoTime();
						boolean ok;
						try {
							ok = call.ok();
						}
						catch (Exception ex) {
							ok = false;
						}
						latencies.add((System.nanoTime() - sent) / 1e6);
						if (!ok) {
							errors.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new double[] { sorted.size() / elapsed, InferenceBenchmark.percentile(sorted, 0.5),
				InferenceBenchmark.percentile(sorted, 0.99), errors.get() };
	}

	// The server's gRPC call threads alive now (same JVM): a pool that starts a thread
	// per
	// call instead of reusing idle ones shows here.
	private static long callThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().startsWith("grpc-oip-")).count();
	}

	private static String uptime() {
		try {
			Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes()).strip();
			process.waitFor(5, TimeUnit.SECONDS);
			return text;
		}
		catch (Exception ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	@FunctionalInterface
	private interface Call {

		boolean ok() throws Exception;

	}

}
