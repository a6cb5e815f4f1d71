package io.modelport.robustness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Closed-loop clients that keep classifying one image over HTTP while a fault happens,
 * and remember every outcome: the status and body, or the exception of a request that got
 * no response. Each request carries its number in {@code X-Request-Id}.
 *
 * @author Modelport Team
 */
final class LoadLoop implements AutoCloseable {

	static final String REQUEST_ID = "X-Request-Id";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong ids = new AtomicLong();

	private final ExecutorService threads;

	private LoadLoop(int threads) {
		this.threads = Executors.newFixedThreadPool(threads);
	}

	/**
	 * Starts the clients.
	 * @param threads how many
	 * @param url the classify URL
	 * @param png the image
	 * @return the running loop
	 */
	static LoadLoop start(int threads, String url, byte[] png) {
		LoadLoop loop = new LoadLoop(threads);
		for (int i = 0; i < threads; i++) {
			loop.threads.execute(() -> loop.run(url, png));
		}
		return loop;
	}

	private void run(String url, byte[] png) {
		while (this.running.get()) {
			long id = this.ids.incrementAndGet();
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "image/png")
				.header(REQUEST_ID, Long.toString(id))
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
				this.outcomes
					.add(new Outcome(id, response.statusCode(), response.body(), null, start, System.nanoTime()));
			}
			catch (IOException ex) {
				this.outcomes.add(new Outcome(id, 0, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
						start, System.nanoTime()));
				pause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// A refused connection fails at once; do not spin while the service is down.
	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the clients and waits for their last requests.
	 * @return every outcome
	 */
	List<Outcome> stop() {
		this.running.set(false);
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(90, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return List.copyOf(this.outcomes);
	}

	/**
	 * The outcomes so far.
	 * @return the outcomes
	 */
	List<Outcome> outcomes() {
		return List.copyOf(this.outcomes);
	}

	/**
	 * Counts outcomes by status, or by exception class for requests without a response.
	 * @param outcomes the outcomes
	 * @return the counts
	 */
	static Map<String, Long> summary(List<Outcome> outcomes) {
		return outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * One request's outcome.
	 *
	 * @param id its {@code X-Request-Id}
	 * @param status the HTTP status, 0 when no response came
	 * @param body the response body
	 * @param error the exception when no response came
	 * @param startNanos when it was sent
	 * @param endNanos when it ended
	 */
	record Outcome(long id, int status, String body, String error, long startNanos, long endNanos) {

		String kind() {
			return (this.status != 0) ? Integer.toString(this.status) : this.error.replaceAll(":.*", "");
		}

	}

}
