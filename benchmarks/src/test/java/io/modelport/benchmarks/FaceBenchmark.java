package io.modelport.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.ModelportApplication;
import io.modelport.embeddings.Embeddings;
import io.modelport.faces.FaceImagesFixture;
import io.modelport.faces.FaceVerifierTaskAdapter;
import io.modelport.faces.VerifierSettings;
import io.modelport.faces.gallery.GalleryRepository;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

/**
 * Face verifier benchmark: the raw in-process DJL {@code Predictor} against the service's
 * embed and verify endpoints over HTTP on 127.0.0.1 (sequential requests, same JVM), and
 * identification time as the gallery grows. Gallery faces are written straight into the
 * store as random unit vectors: identification's cost is the scan, not how the faces got
 * there. Prints a Markdown table.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=faces [-Dbenchmark.requests=1000]
 * </pre>
 *
 * @author Modelport Team
 */
public final class FaceBenchmark {

	private static final int[] GALLERY_SIZES = { 100, 1_000, 10_000 };

	private FaceBenchmark() {
	}

	@SuppressWarnings("unchecked")
	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(System.getProperty("benchmark.requests", "1000"));
		String name = System.getProperty("benchmark.model", "orl-faces");
		Path store = Path.of(System.getProperty("benchmark.store", "model-store"));
		StoredModel stored = new ModelStore(store).find(name).orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		byte[] png = FaceImagesFixture.png("alice", 92, 112, 200);
		byte[] other = FaceImagesFixture.png("bob", 92, 112, 200);
		ImageDecoder decoder = new ImageDecoder(16_000_000);
		Map<String, Double> rows = new LinkedHashMap<>();
		rows.put("in-process: decode PNG + preprocess",
				micros(requests, () -> ImagePreprocessor.toTensor(decoder.decode(png), descriptor.input()).length));
		try (Model model = InferenceBenchmark.loadRaw(descriptor);
				Predictor<Object, Object> predictor = model
					.newPredictor((Translator<Object, Object>) (Translator<?, ?>) new FaceVerifierTaskAdapter()
						.translator(descriptor))) {
			float[] tensor = ImagePreprocessor.toTensor(decoder.decode(png), descriptor.input());
			rows.put("in-process: raw Predictor.predict (one face)", micros(requests, () -> {
				try {
					return ((float[]) predictor.predict(tensor)).length;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--spring.datasource.url=jdbc:h2:mem:faces;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--modelport.training.work-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "faces-benchmark"),
				"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String base = "http://127.0.0.1:" + port + "/api/v1/models/" + name;
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest embed = HttpRequest.newBuilder(URI.create(base + "/embed"))
				.header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build();
			String boundary = "modelport-benchmark";
			HttpRequest verify = HttpRequest.newBuilder(URI.create(base + "/verify"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, png, other)))
				.build();
			HttpRequest identify = HttpRequest.newBuilder(URI.create(base + "/identify"))
				.header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build();
			waitReady(client, embed);
			MeterRegistry meters = app.getBean(MeterRegistry.class);
			Map<String, double[]> before = LatencyBreakdownBenchmark.snapshot(meters);
			rows.put("service: POST /embed (one face), mean", micros(requests, () -> send(client, embed)));
			Map<String, double[]> after = LatencyBreakdownBenchmark.snapshot(meters);
			// The service's own timers over the embed requests (and their warm-up).
			after.forEach((timer, value) -> rows.put("  embed, service timer: " + timer,
					(value[1] - before.get(timer)[1]) / Math.max(1, value[0] - before.get(timer)[0])));
			rows.put("service: POST /verify (two faces, one batch), mean",
					micros(requests, () -> send(client, verify)));
			GalleryRepository gallery = app.getBean(GalleryRepository.class);
			Random random = new Random(7);
			int dimension = VerifierSettings.fromParameters(descriptor.parameters()).embeddingSize();
			int enrolled = 0;
			for (int size : GALLERY_SIZES) {
				for (; enrolled < size; enrolled++) {
					gallery.replace(name, "person-" + enrolled, Arrays.asList((byte[]) null), descriptor.version(),
							List.of(randomUnit(random, dimension)));
				}
				rows.put("service: POST /identify, gallery of " + size + " faces, mean",
						micros(Math.max(20, requests / 10), () -> send(client, identify)));
			}
		}
		System.out.println();
		System.out.println("| " + name + " v" + descriptor.version() + ", sequential requests | mean µs |");
		System.out.println("|---|---|");
		rows.forEach((row, micros) -> System.out.printf("| %s | %.0f |%n", row, micros));
		double raw = rows.get("in-process: decode PNG + preprocess")
				+ rows.get("in-process: raw Predictor.predict (one face)");
		System.out.printf("%nservice embed / in-process (decode + preprocess + predict): %.2f%n",
				rows.get("service: POST /embed (one face), mean") / raw);
	}

	private static float[] randomUnit(Random random, int dimension) {
		float[] vector = new float[dimension];
		for (int i = 0; i < dimension; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return Embeddings.l2Normalize(vector);
	}

	private static byte[] multipart(String boundary, byte[] first, byte[] second) {
		List<byte[]> pieces = new ArrayList<>();
		for (String part : List.of("image1", "image2")) {
			pieces.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
					+ part + ".png\"\r\nContent-Type: image/png\r\n\r\n")
				.getBytes());
			pieces.add(part.equals("image1") ? first : second);
			pieces.add("\r\n".getBytes());
		}
		pieces.add(("--" + boundary + "--\r\n").getBytes());
		int length = pieces.stream().mapToInt((piece) -> piece.length).sum();
		byte[] body = new byte[length];
		int offset = 0;
		for (byte[] piece : pieces) {
			System.arraycopy(piece, 0, body, offset, piece.length);
			offset += piece.length;
		}
		return body;
	}

	private static void waitReady(HttpClient client, HttpRequest request) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			try {
				if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the model did not become ready");
	}

	private static int send(HttpClient client, HttpRequest request) {
		return body(client, request).length();
	}

	private static String body(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double micros(int runs, IntSupplier step) {
		long sink = 0;
		for (int i = 0; i < Math.max(10, runs / 5); i++) {
			sink += step.getAsInt();
		}
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			sink += step.getAsInt();
		}
		double mean = (System.nanoTime() - start) / 1e3 / runs;
		return (sink >= 0) ? mean : -mean;
	}

}
