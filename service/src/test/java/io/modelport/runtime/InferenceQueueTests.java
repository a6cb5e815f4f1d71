package io.modelport.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.Fixtures;
import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.store.ModelStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runtime of a real (tiny) model: batching, a bounded queue, deadlines and draining.
 *
 * @author Modelport Team
 */
class InferenceQueueTests {

	private static final float[] ZEROS = new float[28 * 28];

	@TempDir
	Path store;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService clients = Executors.newFixedThreadPool(32);

	@AfterEach
	void stop() {
		this.clients.shutdownNow();
	}

	@Test
	void concurrentRequestsAreBatched() throws Exception {
		try (LoadedModel model = load(1, 8, Duration.ofMillis(20), 256)) {
			List<Future<float[]>> results = submitAll(model, 32, Duration.ofSeconds(30));
			for (Future<float[]> result : results) {
				assertThat(result.get()).hasSize(10);
			}
			DistributionSummary batches = this.meters.get("modelport.inference.batch.size").summary();
			assertThat(batches.max()).isGreaterThan(1);
			assertThat(batches.count()).isLessThan(32);
			// Every request ran exactly once, plus the warm-up inference of the loader.
			assertThat((long) batches.totalAmount()).isEqualTo(33);
		}
	}

	@Test
	void aLoneRequestDoesNotWaitForABatchToFill() throws Exception {
		try (LoadedModel model = load(1, 8, Duration.ofSeconds(5), 256)) {
			for (int i = 0; i < 3; i++) {
				assertThat(model.<float[]>predict(ZEROS, Duration.ofSeconds(2))).hasSize(10);
			}
			assertThat(this.meters.get("modelport.inference.queue.wait").timer().max(TimeUnit.SECONDS)).isLessThan(1);
		}
	}

	@Test
	void aFullQueueRefusesWithARetryDelay() throws Exception {
		try (LoadedModel model = load(1, 1, Duration.ZERO, 2)) {
			List<Future<float[]>> results = submitAll(model, 64, Duration.ofSeconds(30));
			int rejected = 0;
			for (Future<float[]> result : results) {
				try {
					result.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(QueueFullException.class);
					assertThat(((QueueFullException) ex.getCause()).retryAfter()).isPositive();
					rejected++;
				}
			}
			assertThat(rejected).isPositive();
			assertThat(this.meters.get("modelport.inference.rejected").counter().count()).isEqualTo(rejected);
		}
	}

	@Test
	void aRequestPastItsDeadlineIsAnswered504AndNeverRun() throws Exception {
		try (LoadedModel model = load(1, 1, Duration.ZERO, 256)) {
			assertThatExceptionOfType(DeadlineExceededException.class)
				.isThrownBy(() -> model.predict(ZEROS, Duration.ofNanos(1)));
			assertThat((float[]) model.predict(ZEROS, Duration.ofSeconds(10))).hasSize(10);
		}
	}

	@Test
	void closingDrainsEveryQueuedRequest() throws Exception {
		LoadedModel model = load(1, 4, Duration.ofMillis(5), 256);
		List<Future<float[]>> results = submitAll(model, 24, Duration.ofSeconds(30));
		Thread.sleep(20);
		model.close();
		int completed = 0;
		for (Future<float[]> result : results) {
			try {
				assertThat(result.get()).hasSize(10);
				completed++;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// Requests submitted after close() started are refused, never dropped
				// silently.
				assertThat(ex.getCause()).isInstanceOf(ModelClosedException.class);
			}
		}
		assertThat(completed).isPositive();
		assertThatExceptionOfType(ModelClosedException.class).isThrownBy(() -> model.predict(ZEROS));
	}

	@Test
	void aLoneRequestRunsOnTheCallersThread() throws Exception {
		RecordingAdapter adapter = new RecordingAdapter();
		try (LoadedModel model = load(adapter, 2, 8, Duration.ofMillis(2), 256, true)) {
			adapter.threads.clear();
			assertThat(model.<float[]>predict(ZEROS, Duration.ofSeconds(5))).hasSize(10);
			assertThat(adapter.threads).containsExactly(Thread.currentThread().getName());
		}
	}

	@Test
	void severalInputsOfOneCallGoThroughTheQueueTogether() throws Exception {
		RecordingAdapter adapter = new RecordingAdapter();
		try (LoadedModel model = load(adapter, 2, 8, Duration.ofMillis(2), 256, true)) {
			adapter.threads.clear();
			List<float[]> outputs = model.predictAll(List.of(ZEROS, ZEROS), Duration.ofSeconds(5));
			assertThat(outputs).hasSize(2);
			assertThat(adapter.threads).hasSize(2).allSatisfy((name) -> assertThat(name).startsWith("inference-"));
		}
	}

	@Test
	void withoutCallerRunsEveryRequestGoesToAWorker() throws Exception {
		RecordingAdapter adapter = new RecordingAdapter();
		try (LoadedModel model = load(adapter, 1, 8, Duration.ofMillis(2), 256, false)) {
			adapter.threads.clear();
			assertThat(model.<float[]>predict(ZEROS, Duration.ofSeconds(5))).hasSize(10);
			assertThat(adapter.threads).singleElement().asString().startsWith("inference-tiny-1-");
		}
	}

	@Test
	void callersNeverRunMoreBatchesThanThereAreWorkers() throws Exception {
		RecordingAdapter adapter = new RecordingAdapter();
		// Batches of one, so the translator's calls count running batches.
		try (LoadedModel model = load(adapter, 1, 1, Duration.ZERO, 256, true)) {
			List<Future<float[]>> results = submitAll(model, 24, Duration.ofSeconds(30));
			for (Future<float[]> result : results) {
				assertThat(result.get()).hasSize(10);
			}
			assertThat(adapter.maxConcurrent.get()).isEqualTo(1);
		}
	}

	private List<Future<float[]>> submitAll(LoadedModel model, int count, Duration timeout) {
		List<Future<float[]>> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(this.clients.submit(() -> model.<float[]>predict(ZEROS, timeout)));
		}
		return results;
	}

	private LoadedModel load(int workers, int batch, Duration delay, int capacity) {
		return load(new ClassifierTaskAdapter(), workers, batch, delay, capacity, true);
	}

	private LoadedModel load(TaskAdapter adapter, int workers, int batch, Duration delay, int capacity,
			boolean callerRuns) {
		Fixtures.copyTinyModel(this.store, "tiny", 1);
		RuntimeProperties properties = new RuntimeProperties("cpu", workers, batch, delay, capacity,
				Duration.ofSeconds(30), Duration.ofSeconds(10), 0, callerRuns);
		ModelLoader loader = new ModelLoader(List.of(adapter), properties, this.meters);
		return loader.load(new ModelStore(this.store).find("tiny").orElseThrow().descriptor(1));
	}

	/**
	 * A classifier whose translator records the threads that run it and how many run at
	 * once.
	 */
	static final class RecordingAdapter implements TaskAdapter {

		private final ClassifierTaskAdapter delegate = new ClassifierTaskAdapter();

		final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

		final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

		final java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();

		@Override
		public io.modelport.store.Task task() {
			return this.delegate.task();
		}

		@Override
		public void validate(io.modelport.store.ModelDescriptor descriptor) {
			this.delegate.validate(descriptor);
		}

		@Override
		@SuppressWarnings("unchecked")
		public ai.djl.translate.Translator<?, ?> translator(io.modelport.store.ModelDescriptor descriptor) {
			ai.djl.translate.Translator<?, ?> wrapped = this.delegate.translator(descriptor);
			ai.djl.translate.Translator<Object, Object> inner = (ai.djl.translate.Translator<Object, Object>) wrapped;
			return new ai.djl.translate.Translator<Object, Object>() {

				@Override
				public ai.djl.ndarray.NDList processInput(ai.djl.translate.TranslatorContext ctx, Object input)
						throws Exception {
					RecordingAdapter.this.threads.add(Thread.currentThread().getName());
					int now = RecordingAdapter.this.running.incrementAndGet();
					RecordingAdapter.this.maxConcurrent.accumulateAndGet(now, Math::max);
					return inner.processInput(ctx, input);
				}

				@Override
				public Object processOutput(ai.djl.translate.TranslatorContext ctx, ai.djl.ndarray.NDList list)
						throws Exception {
					try {
						return inner.processOutput(ctx, list);
					}
					finally {
						RecordingAdapter.this.running.decrementAndGet();
					}
				}

				@Override
				public ai.djl.translate.Batchifier getBatchifier() {
					return inner.getBatchifier();
				}

			};
		}

		@Override
		public void warmUp(LoadedModel model) throws Exception {
			this.delegate.warmUp(model);
		}

	}

}
