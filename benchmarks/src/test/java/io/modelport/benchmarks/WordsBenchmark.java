package io.modelport.benchmarks;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.ModelportApplication;
import io.modelport.embeddings.Embeddings;
import io.modelport.registry.ModelRegistry;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;
import io.modelport.training.ModelPublisher;
import io.modelport.words.NearestRows;
import io.modelport.words.Vocabulary;
import io.modelport.words.Word2VecFormat;
import io.modelport.words.Word2VecTaskAdapter;
import io.modelport.words.WordVectors;

/**
 * Nearest-neighbour queries on a random 100,000 × 300 embedding matrix (the size issue 7
 * asks to be fast for), top 10 by cosine over the whole vocabulary:
 * <ul>
 * <li>the in-memory Java scan, on one thread and split over all cores;</li>
 * <li>the raw in-process DJL {@code Predictor} on the engine block the service uses, one
 * query at a time and 8 stacked in a batch;</li>
 * <li>the service's {@code GET /words/{word}/similar} over HTTP on 127.0.0.1, sequential
 * and with 4 concurrent clients (whose queries the queue batches).</li>
 * </ul>
 * Prints queries per second and the service / raw-predictor ratio.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=words
 * </pre>
 *
 * @author Modelport Team
 */
public final class WordsBenchmark {

	private static final int WORDS = 100_000;

	private static final int DIMENSION = 300;

	private static final String MODEL = "random-words";

	private WordsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "5"));
		Random random = new Random(1);
		List<String> words = IntStream.range(0, WORDS).mapToObj((i) -> "w" + i).toList();
		float[] matrix = new float[WORDS * DIMENSION];
		for (int i = 0; i < matrix.length; i++) {
			matrix[i] = (float) random.nextGaussian();
		}
		WordVectors vectors = new WordVectors(new Vocabulary(words, null), DIMENSION, matrix);
		Path store = writeStore(vectors);
		int cores = Runtime.getRuntime().availableProcessors();
		Map<String, Double> rates = new LinkedHashMap<>();
		AtomicInteger next = new AtomicInteger();
		for (int threads : (cores > 1) ? new int[] { 1, cores } : new int[] { 1 }) {
			WordVectors search = vectors.withSearchThreads(threads);
			rates.put("in-memory Java scan, " + threads + " thread(s)",
					rate(seconds, 1, () -> search.nearest("w" + (next.incrementAndGet() % WORDS), 10).size()));
		}
		StoredModel stored = new ModelStore(store).find(MODEL).orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(1);
		Word2VecTaskAdapter adapter = new Word2VecTaskAdapter();
		try (Model model = Model.newInstance("raw", "PyTorch")) {
			adapter.readArtifacts(model, descriptor);
			try (Predictor<float[], NearestRows> predictor = model.newPredictor(adapter.translator(descriptor))) {
				rates.put("raw DJL Predictor, 1 query per call", rate(seconds, 1, () -> {
					try {
						return predictor.predict(unitQuery(vectors, next.incrementAndGet())).rows().length;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}));
				rates.put("raw DJL Predictor, batches of 8", rate(seconds, 1, () -> {
					List<float[]> batch = new ArrayList<>();
					for (int i = 0; i < 8; i++) {
						batch.add(unitQuery(vectors, next.incrementAndGet()));
					}
					try {
						return predictor.batchPredict(batch).size();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}) * 8);
			}
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--spring.datasource.url=jdbc:h2:mem:words;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--modelport.training.work-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "words-benchmark"),
				"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			app.getBean(ModelRegistry.class).awaitLoaded(Duration.ofMinutes(5));
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int clients : new int[] { 1, 4 }) {
				rates.put("service GET /words/{w}/similar?k=10, " + clients + " client(s)",
						rate(seconds, clients, () -> similar(client, port, "w" + (next.incrementAndGet() % WORDS))));
			}
		}
		System.out.println();
		System.out.printf("%,d words × %d dimensions, top 10, %d cores, %.0f s per row%n%n", WORDS, DIMENSION, cores,
				seconds);
		System.out.println("| search | queries/s | ms per query |");
		System.out.println("|---|---|---|");
		rates.forEach((row, rate) -> System.out.printf("| %s | %.0f | %.2f |%n", row, rate, 1e3 / rate));
		double raw = rates.get("raw DJL Predictor, 1 query per call");
		System.out.printf("%nservice (1 client) / raw predictor, time per query: %.2f%n",
				raw / rates.get("service GET /words/{w}/similar?k=10, 1 client(s)"));
	}

	private static Path writeStore(WordVectors vectors) throws Exception {
		Path store = Files.createTempDirectory("modelport-words-benchmark");
		Path version = Files.createDirectories(store.resolve(MODEL).resolve("1"));
		try (OutputStream out = Files.newOutputStream(version.resolve("vectors.bin"))) {
			Word2VecFormat.BINARY.write(vectors, out);
		}
		Files.writeString(version.resolve("descriptor.yaml"), """
				task: word2vec
				format: word2vec-binary
				artifacts:
				- file: vectors.bin
				parameters:
				  dimension: %d
				  vocabularySize: %d
				  lowercase: true
				""".formatted(DIMENSION, WORDS));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				ModelPublisher.deleteRecursively(store);
			}
			catch (Exception ex) {
				// A temporary folder; the OS cleans it up eventually.
			}
		}));
		return store;
	}

	private static float[] unitQuery(WordVectors vectors, int index) {
		return Embeddings.l2Normalize(vectors.vector("w" + (index % WORDS)));
	}

	private static int similar(HttpClient client, int port, String word) {
		try {
			HttpResponse<String> response = client.send(HttpRequest
				.newBuilder(URI.create(
						"http://127.0.0.1:" + port + "/api/v1/models/" + MODEL + "/words/" + word + "/similar?k=10"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
			return response.body().length();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Calls per second over a timed window after a warm-up, from a number of threads.
	private static double rate(double seconds, int threads, java.util.function.IntSupplier call) throws Exception {
		for (int i = 0; i < 20; i++) {
			call.getAsInt();
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long end = System.nanoTime() + (long) (seconds * 1e9);
			long start = System.nanoTime();
			List<Future<Integer>> counts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				counts.add(pool.submit(() -> {
					int done = 0;
					while (System.nanoTime() < end) {
						call.getAsInt();
						done++;
					}
					return done;
				}));
			}
			int total = 0;
			for (Future<Integer> count : counts) {
				total += count.get();
			}
			return total / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
