package io.modelport.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import io.modelport.store.ModelDescriptor;

/**
 * The meters of one model version's runtime: queue wait, compute time per batch, batch
 * size, queue depth, capacity and in-flight gauges (for autoscaling), rejected and
 * timed-out counters. Tagged by model, version and task; removed when the version is
 * unloaded.
 *
 * @author Modelport Team
 */
final class RuntimeMetrics {

	private final MeterRegistry registry;

	private final Tags tags;

	private final List<Meter> meters = new ArrayList<>();

	private final Timer queueWait;

	private final Timer compute;

	private final DistributionSummary batchSize;

	private final Counter rejected;

	private final Counter timedOut;

	RuntimeMetrics(MeterRegistry registry, ModelDescriptor descriptor) {
		this.registry = registry;
		this.tags = Tags.of("model", descriptor.name(), "version", Integer.toString(descriptor.version()), "task",
				descriptor.task().id());
		this.queueWait = add(Timer.builder("modelport.inference.queue.wait")
			.description("Time requests wait in the model's queue")
			.tags(this.tags)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry));
		this.compute = add(Timer.builder("modelport.inference.compute")
			.description("Time the engine takes per batch (translation and forward pass)")
			.tags(this.tags)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry));
		this.batchSize = add(DistributionSummary.builder("modelport.inference.batch.size")
			.description("Requests per batch run by a worker")
			.tags(this.tags)
			.serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128)
			.register(registry));
		this.rejected = add(Counter.builder("modelport.inference.rejected")
			.description("Requests refused because the queue was full (429)")
			.tags(this.tags)
			.register(registry));
		this.timedOut = add(Counter.builder("modelport.inference.timed.out")
			.description("Requests whose deadline passed before they ran (504)")
			.tags(this.tags)
			.register(registry));
	}

	void queueGauges(Supplier<Number> depth, Supplier<Number> inFlight, int capacity) {
		add(Gauge.builder("modelport.inference.queue.depth", depth)
			.description("Requests waiting in the model's queue")
			.tags(this.tags)
			.register(this.registry));
		// Exposed so alerts and autoscalers can use depth / capacity, which stays right
		// when an operator changes modelport.runtime.queue-capacity.
		add(Gauge.builder("modelport.inference.queue.capacity", () -> capacity)
			.description("Requests the model's queue can hold before it answers 429")
			.tags(this.tags)
			.register(this.registry));
		add(Gauge.builder("modelport.inference.in.flight", inFlight)
			.description("Requests a worker has taken and not finished")
			.tags(this.tags)
			.register(this.registry));
	}

	void queueWait(long nanos) {
		this.queueWait.record(nanos, TimeUnit.NANOSECONDS);
	}

	void batch(int size, long nanos) {
		this.batchSize.record(size);
		this.compute.record(nanos, TimeUnit.NANOSECONDS);
	}

	void rejected() {
		this.rejected.increment();
	}

	void timedOut() {
		this.timedOut.increment();
	}

	void close() {
		this.meters.forEach(this.registry::remove);
	}

	private <M extends Meter> M add(M meter) {
		this.meters.add(meter);
		return meter;
	}

}
