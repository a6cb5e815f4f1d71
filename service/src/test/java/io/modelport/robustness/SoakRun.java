package io.modelport.robustness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.modelport.robustness.MemorySampler.Sample;
import io.modelport.robustness.RequestMix.Call;

/**
 * The soak and load harness (never part of the test suite): starts the service as its own
 * process on the shipped model store, drives closed-loop clients at a fixed concurrency
 * for a fixed time, samples the process's memory every few seconds into a CSV, and prints
 * a report. It exits with 1 when any request got another answer than expected, or when
 * the resident memory grew by more than the threshold per 10,000 requests (a
 * least-squares line over the second half of the run, after warm-up).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=soak        # 20 min, every task
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=soak -Dsoak.minutes=5 -Dsoak.mix=classify,detect
 * </pre>
 *
 * @author Modelport Team
 */
public final class SoakRun {

	private final Settings settings;

	private final Map<String, KindStats> stats = new ConcurrentHashMap<>();

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final List<String> firstErrors = new ArrayList<>();

	private SoakRun(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		System.exit(new SoakRun(Settings.fromSystemProperties()).run() ? 0 : 1);
	}

	private boolean run() throws Exception {
		Path out = Files.createDirectories(this.settings.out());
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		String name = "soak-" + this.settings.mix().replace(',', '+') + "-" + stamp;
		Path work = Files.createTempDirectory("modelport-soak");
		int port = ServiceProcess.freePort();
		List<String> jvm = new ArrayList<>(
				List.of("-Xms" + this.settings.heap(), "-Xmx" + this.settings.heap(), "-XX:+AlwaysPreTouch"));
		jvm.addAll(this.settings.jvmOptions());
		List<Sample> samples = new ArrayList<>();
		try (ServiceProcess service = ServiceProcess.start(jvm, this.settings.jar(), port,
				out.resolve(name + "-service.log"),
				List.of("--modelport.store.location=" + this.settings.store().toAbsolutePath(),
						"--modelport.training.work-dir=" + work.resolve("jobs"),
						"--modelport.datasets.location=" + work.resolve("datasets"),
						"--spring.datasource.url=jdbc:h2:mem:soak", "--logging.level.root=WARN"))) {
			service.awaitReady();
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			awaitModels(client, service.base(), RequestMix.models(this.settings.mix()));
			RequestMix mix = RequestMix.of(this.settings.mix(), service.base(), Path.of(""), this.settings.faces());
			MemorySampler sampler = new MemorySampler(service.handle().pid(), service.base());
			System.out.printf("Service pid %d on %s; %s mix at concurrency %d for %.1f min%n", service.handle().pid(),
					service.base(), this.settings.mix(), this.settings.concurrency(), this.settings.minutes());
			samples.add(sampler.sample(0, 0, 0, true));
			long start = System.nanoTime();
			long end = start + (long) (this.settings.minutes() * 60e9);
			AtomicLong sequence = new AtomicLong();
			ExecutorService clients = Executors.newFixedThreadPool(this.settings.concurrency());
			for (int i = 0; i < this.settings.concurrency(); i++) {
				clients.execute(() -> drive(client, mix, sequence, end));
			}
			int taken = 0;
			while (System.nanoTime() < end) {
				Thread.sleep(Math.min(this.settings.intervalSeconds() * 1000L,
						Math.max(1, (end - System.nanoTime()) / 1_000_000)));
				taken++;
				Sample sample = sampler.sample(seconds(start), this.answered.get(), this.errors.get(),
						taken % this.settings.gcEvery() == 0);
				samples.add(sample);
				System.out.println("  " + sample.csv());
			}
			clients.shutdown();
			clients.awaitTermination(120, TimeUnit.SECONDS);
			double loadSeconds = seconds(start);
			samples.add(sampler.sample(loadSeconds, this.answered.get(), this.errors.get(), true));
			Files.write(out.resolve(name + ".csv"),
					(Sample.HEADER + "\n" + String.join("\n", samples.stream().map(Sample::csv).toList()) + "\n")
						.getBytes(StandardCharsets.UTF_8));
			service.stop();
			SoakReport report = new SoakReport(this.settings, samples, this.stats, loadSeconds);
			try (PrintStream file = new PrintStream(Files.newOutputStream(out.resolve(name + ".md")), true,
					StandardCharsets.UTF_8)) {
				report.print(file, this.firstErrors);
			}
			report.print(System.out, this.firstErrors);
			System.out.println("CSV: " + out.resolve(name + ".csv"));
			return report.passed();
		}
	}

	private void drive(HttpClient client, RequestMix mix, AtomicLong sequence, long end) {
		while (System.nanoTime() < end) {
			Call call = mix.next(sequence.getAndIncrement());
			long started = System.nanoTime();
			String outcome;
			try {
				outcome = Integer
					.toString(client.send(call.request(), HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			catch (IOException ex) {
				outcome = ex.getClass().getSimpleName();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long nanos = System.nanoTime() - started;
			this.stats.computeIfAbsent(call.kind(), (kind) -> new KindStats()).record(outcome, nanos);
			this.answered.incrementAndGet();
			if (!outcome.equals(Integer.toString(call.expected()))) {
				this.errors.incrementAndGet();
				synchronized (this.firstErrors) {
					if (this.firstErrors.size() < 20) {
						this.firstErrors.add(call.kind() + " " + call.request().uri() + " -> " + outcome);
					}
				}
			}
		}
	}

	private static void awaitModels(HttpClient client, String base, Iterable<String> models) throws Exception {
		for (String model : models) {
			HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/v2/models/" + model + "/ready")).build();
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("model " + model + " is not ready after 5 minutes");
				}
				Thread.sleep(200);
			}
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * The run's settings, from {@code soak.*} system properties.
	 *
	 * @param minutes how long the load runs
	 * @param concurrency closed-loop clients
	 * @param mix {@code all} or request kinds separated by commas ({@link RequestMix})
	 * @param thresholdMiB the most RSS growth per 10,000 requests that passes
	 * @param intervalSeconds seconds between samples
	 * @param gcEvery a full GC before every n-th sample
	 * @param heap the service's heap ({@code -Xms} = {@code -Xmx}, pre-touched, so heap
	 * growth never shows as RSS growth)
	 * @param jvmOptions more service JVM options
	 * @param jar a packaged service jar to run instead of the test class path
	 * @param store the model store
	 * @param faces ORL face images for verify, when present
	 * @param out where the CSV, report and service log go
	 */
	record Settings(double minutes, int concurrency, String mix, double thresholdMiB, int intervalSeconds, int gcEvery,
			String heap, List<String> jvmOptions, Path jar, Path store, Path faces, Path out) {

		static Settings fromSystemProperties() {
			String jar = System.getProperty("soak.jar", "");
			String options = System.getProperty("soak.jvm-options", "").strip();
			return new Settings(Double.parseDouble(System.getProperty("soak.minutes", "20")),
					Integer.getInteger("soak.concurrency", 64), System.getProperty("soak.mix", "all"),
					Double.parseDouble(System.getProperty("soak.threshold", "2")),
					Integer.getInteger("soak.interval", 5), Integer.getInteger("soak.gc-every", 12),
					System.getProperty("soak.heap", "512m"),
					options.isEmpty() ? List.of() : List.of(options.split("\\s+")), jar.isBlank() ? null : Path.of(jar),
					Path.of(System.getProperty("soak.store", "model-store")),
					Path.of(System.getProperty("soak.faces", "../shared/datasets/orl-faces")),
					Path.of(System.getProperty("soak.out", "service/target/soak")));
		}

	}

}
