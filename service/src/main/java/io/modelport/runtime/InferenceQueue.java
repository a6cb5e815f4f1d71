package io.modelport.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;

/**
 * The runtime of one loaded model version: a bounded request queue and worker threads,
 * each owning one {@link Predictor} (never shared). A worker takes the oldest request,
 * waits up to {@code maxBatchDelay} for up to {@code maxBatchSize - 1} more, drops those
 * whose deadline has passed, and runs the rest as one batch. A full queue refuses new
 * requests at once with a retry delay computed from the queue depth and the measured
 * service rate.
 * <p>
 * At most {@code workers} batches run at a time. When one of those slots is free and
 * nothing is queued, the caller's thread runs its request itself on a predictor of its
 * own: handing a lone request to a parked worker and waking the caller again cost more
 * than a small model's forward pass (docs/benchmarks.md). Under load the queue is never
 * empty, so requests go through the workers and are batched.
 *
 * @author Modelport Team
 */
final class InferenceQueue {

	private final String name;

	private final BlockingQueue<Request> queue;

	private final List<Thread> workers = new ArrayList<>();

	private final List<Predictor<Object, Object>> predictors = new ArrayList<>();

	private final int maxBatchSize;

	private final long maxBatchDelayNanos;

	private final RuntimeMetrics metrics;

	private final AtomicInteger inFlight = new AtomicInteger();

	// One permit per batch that may run at once, taken by workers and by callers alike.
	private final Semaphore slots;

	private final boolean callerRuns;

	// Predictors for callers that run their request themselves, one per slot.
	private final ConcurrentLinkedQueue<Predictor<Object, Object>> callerPredictors = new ConcurrentLinkedQueue<>();

	private volatile boolean closed;

	// Requests completed per second, smoothed; seeds the Retry-After computation.
	private volatile double serviceRate = 100;

	@SuppressWarnings("unchecked")
	InferenceQueue(String name, Model model, Translator<?, ?> translator, RuntimeSettings settings,
			RuntimeMetrics metrics) {
		this.name = name;
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.maxBatchSize = settings.maxBatchSize();
		this.maxBatchDelayNanos = settings.maxBatchDelay().toNanos();
		this.metrics = metrics;
		// Fair, so a worker waiting with a queued request is not overtaken by new
		// callers.
		this.slots = new Semaphore(settings.workers(), true);
		this.callerRuns = settings.callerRuns();
		for (int i = 0; i < settings.workers(); i++) {
			Predictor<Object, Object> own = model.newPredictor((Translator<Object, Object>) translator);
			this.predictors.add(own);
			this.callerPredictors.add(own);
			Predictor<Object, Object> predictor = model.newPredictor((Translator<Object, Object>) translator);
			this.predictors.add(predictor);
			Thread worker = new Thread(() -> work(predictor), "inference-" + name + "-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
		}
		metrics.queueGauges(this.queue::size, this.inFlight::get, settings.queueCapacity());
		this.workers.forEach(Thread::start);
	}

	/**
	 * Queues a request.
	 * @param input the translator input
	 * @param deadlineNanos the {@link System#nanoTime()} after which it must not run
	 * @return the future result
	 * @throws QueueFullException when the queue is full
	 * @throws ModelClosedException when the model is being unloaded
	 */
	CompletableFuture<Object> submit(Object input, long deadlineNanos) {
		return submit(input, deadlineNanos, true);
	}

	/**
	 * Queues a request.
	 * @param input the translator input
	 * @param deadlineNanos the {@link System#nanoTime()} after which it must not run
	 * @param callerMayRun whether the caller's thread may run it when the runtime is
	 * idle; {@code false} for one of several inputs submitted together, which batch
	 * better through the queue
	 * @return the future result
	 * @throws QueueFullException when the queue is full
	 * @throws ModelClosedException when the model is being unloaded
	 */
	CompletableFuture<Object> submit(Object input, long deadlineNanos, boolean callerMayRun) {
		if (this.closed) {
			throw new ModelClosedException(this.name + " is being unloaded");
		}
		Request request = new Request(input, deadlineNanos, System.nanoTime(), new CompletableFuture<>());
		if (callerMayRun && this.callerRuns && this.queue.isEmpty() && freeSlot()) {
			runOnCaller(request);
			return request.result();
		}
		if (!this.queue.offer(request)) {
			this.metrics.rejected();
			long seconds = (long) Math.ceil(this.queue.size() / Math.max(this.serviceRate, 1e-3));
			throw new QueueFullException("the queue of " + this.name + " is full (" + this.queue.size() + " requests)",
					Duration.ofSeconds(Math.max(1, seconds)));
		}
		return request.result();
	}

	/**
	 * Stops accepting requests, lets the workers finish every queued request, then closes
	 * the predictors.
	 * @param drainTimeout how long to wait for the queue to drain
	 */
	void close(Duration drainTimeout) {
		this.closed = true;
		long deadline = System.nanoTime() + drainTimeout.toNanos();
		while ((!this.queue.isEmpty() || this.inFlight.get() > 0) && System.nanoTime() < deadline) {
			sleep(5);
		}
		this.workers.forEach(Thread::interrupt);
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (Request left : this.queue) {
			left.result().completeExceptionally(new ModelClosedException(this.name + " was unloaded"));
		}
		this.predictors.forEach(Predictor::close);
	}

	// tryAcquire() would take a permit ahead of waiting workers even on a fair semaphore;
	// the timed form with no wait respects their turn.
	private boolean freeSlot() {
		try {
			return this.slots.tryAcquire(0, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void runOnCaller(Request request) {
		Predictor<Object, Object> predictor = this.callerPredictors.poll();
		this.inFlight.incrementAndGet();
		try {
			run(predictor, List.of(request));
		}
		finally {
			this.callerPredictors.add(predictor);
			this.inFlight.decrementAndGet();
			this.slots.release();
		}
	}

	private void work(Predictor<Object, Object> predictor) {
		List<Request> batch = new ArrayList<>(this.maxBatchSize);
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Request first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				int running = this.inFlight.incrementAndGet();
				batch.add(first);
				this.slots.acquire();
				try {
					// Waiting for a batch to fill only pays under concurrent load: more
					// requests queued, or another one already running. A lone request
					// runs at once, even with a single worker.
					boolean fill = running > 1 || !this.queue.isEmpty();
					long until = System.nanoTime() + (fill ? this.maxBatchDelayNanos : 0);
					while (batch.size() < this.maxBatchSize) {
						long wait = until - System.nanoTime();
						Request next = (wait > 0) ? this.queue.poll(wait, TimeUnit.NANOSECONDS) : this.queue.poll();
						if (next == null) {
							break;
						}
						this.inFlight.incrementAndGet();
						batch.add(next);
					}
					run(predictor, batch);
				}
				finally {
					this.slots.release();
				}
			}
			catch (InterruptedException ex) {
				// Unloading: what this worker had taken is not run.
				batch.forEach((request) -> request.result()
					.completeExceptionally(new ModelClosedException(this.name + " was unloaded")));
				if (this.closed) {
					return;
				}
			}
			finally {
				this.inFlight.addAndGet(-batch.size());
				batch.clear();
			}
		}
	}

	private void run(Predictor<Object, Object> predictor, List<Request> batch) {
		long now = System.nanoTime();
		List<Request> live = new ArrayList<>(batch.size());
		for (Request request : batch) {
			this.metrics.queueWait(now - request.queuedAt());
			if (now > request.deadline()) {
				this.metrics.timedOut();
				request.result()
					.completeExceptionally(
							new DeadlineExceededException("the request's deadline passed while it was queued"));
			}
			else {
				live.add(request);
			}
		}
		if (live.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		try {
			List<Object> outputs = (live.size() == 1) ? List.of(predictor.predict(live.get(0).input()))
					: predictor.batchPredict(live.stream().map(Request::input).toList());
			for (int i = 0; i < live.size(); i++) {
				live.get(i).result().complete(outputs.get(i));
			}
		}
		catch (Exception ex) {
			live.forEach((request) -> request.result().completeExceptionally(ex));
		}
		long took = System.nanoTime() - start;
		this.metrics.batch(live.size(), took);
		double rate = live.size() / Math.max(took / 1e9, 1e-6);
		this.serviceRate = 0.8 * this.serviceRate + 0.2 * rate * this.workers.size();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Request(Object input, long deadline, long queuedAt, CompletableFuture<Object> result) {

	}

}
