package io.modelport.registry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.modelport.core.SafeMessages;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.StoredModel;

/**
 * Loads model versions on a small pool of daemon threads, so that a slow or failing
 * version never holds up the others, and records each load's time and outcome.
 *
 * @author Modelport Team
 */
final class VersionLoader {

	private static final Log logger = LogFactory.getLog(VersionLoader.class);

	private final ModelLoader loader;

	private final MeterRegistry meters;

	private final int parallelism;

	private final BooleanSupplier running;

	private volatile ExecutorService threads;

	private final AtomicBoolean deviceLogged = new AtomicBoolean();

	VersionLoader(ModelLoader loader, MeterRegistry meters, int parallelism, BooleanSupplier running) {
		this.loader = loader;
		this.meters = meters;
		this.parallelism = parallelism;
		this.running = running;
		this.threads = newThreads(parallelism);
	}

	private static ExecutorService newThreads(int parallelism) {
		AtomicInteger threads = new AtomicInteger();
		return Executors.newFixedThreadPool(parallelism, (task) -> {
			Thread thread = new Thread(task, "model-loader-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	// A stopped registry can be started again (Spring pauses cached test contexts this
	// way): its loaders are new.
	void restartIfStopped() {
		if (this.threads.isShutdown()) {
			this.threads = newThreads(this.parallelism);
		}
	}

	void shutdown() {
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	CompletableFuture<Void> loadAsync(StoredModel stored, ModelVersion version) {
		return CompletableFuture.runAsync(() -> load(stored, version), this.threads);
	}

	private void load(StoredModel stored, ModelVersion version) {
		long start = System.nanoTime();
		String outcome = "success";
		try {
			ModelDescriptor descriptor = stored.descriptor(version.version());
			version.describedBy(descriptor);
			if (this.deviceLogged.compareAndSet(false, true)) {
				logger.info("Loading models on " + this.loader.device());
			}
			LoadedModel loaded = this.loader.load(descriptor);
			if (!this.running.getAsBoolean()) {
				loaded.close();
				version.failed("the registry stopped while loading", elapsed(start));
				return;
			}
			version.ready(loaded, elapsed(start));
			logger.info("Loaded " + stored.name() + " version " + version.version() + " in " + elapsed(start).toMillis()
					+ " ms");
		}
		catch (RuntimeException ex) {
			outcome = "failure";
			version.failed(SafeMessages.withoutPaths(ex.getMessage()), elapsed(start));
			// Engine and I/O failures keep their cause for the operator; clients see the
			// reason without paths.
			logger.warn(
					"Model " + stored.name() + " version " + version.version() + " failed to load: " + ex.getMessage(),
					ex.getCause());
		}
		finally {
			Timer.builder("modelport.model.load")
				.description("Time to verify, load and warm up a model version")
				.tag("model", stored.name())
				.tag("version", Integer.toString(version.version()))
				.tag("outcome", outcome)
				.register(this.meters)
				.record(elapsed(start));
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
