package io.modelport.jobs;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;

/**
 * Training meters: {@code modelport.training.jobs{state}}, the job duration timer, and
 * per-model gauges of the latest epoch's losses, dev accuracy and throughput. Gauges are
 * tagged by model, never by job id, so the series count stays bounded. The per-state
 * counts come from one query at most every few seconds, so a scrape never waits on an
 * unreachable job store more than once; while it is unreachable they read NaN.
 *
 * @author Modelport Team
 */
class TrainingMetrics implements MeterBinder {

	private static final long COUNTS_TTL_NANOS = Duration.ofSeconds(5).toNanos();

	private final TrainingJobRepository repository;

	private Map<JobState, Long> counts = Map.of();

	private long countedAt;

	private boolean counted;

	private final Map<String, Map<String, AtomicReference<Double>>> latest = new ConcurrentHashMap<>();

	private volatile MeterRegistry meters;

	TrainingMetrics(TrainingJobRepository repository) {
		this.repository = repository;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = registry;
		for (JobState state : JobState.values()) {
			Gauge.builder("modelport.training.jobs", this, (metrics) -> metrics.count(state))
				.description("Training jobs per state")
				.tag("state", state.name())
				.register(registry);
		}
	}

	synchronized double count(JobState state) {
		if (!this.counted || System.nanoTime() - this.countedAt > COUNTS_TTL_NANOS) {
			try {
				this.counts = new EnumMap<>(this.repository.countByState());
			}
			catch (DataAccessException ex) {
				this.counts = Map.of();
			}
			// From the end of the query: a failed one took the whole connection timeout.
			this.counted = true;
			this.countedAt = System.nanoTime();
		}
		Long count = this.counts.get(state);
		return (count != null) ? count : Double.NaN;
	}

	void epoch(String model, EpochRecord epoch) {
		gauge(model, "modelport.training.epoch.train.loss", "Training loss of the latest epoch", epoch.trainLoss());
		gauge(model, "modelport.training.epoch.dev.loss", "Dev loss of the latest epoch", epoch.devLoss());
		gauge(model, "modelport.training.epoch.dev.accuracy", "Dev accuracy of the latest epoch", epoch.devAccuracy());
		gauge(model, "modelport.training.samples.per.second", "Training throughput of the latest epoch",
				epoch.samplesPerSecond());
	}

	void finished(String model, JobState state, Duration took) {
		MeterRegistry registry = this.meters;
		if (registry != null) {
			Timer.builder("modelport.training.job.duration")
				.description("Wall time of training jobs from first start to the end")
				.tag("model", model)
				.tag("outcome", state.name())
				.register(registry)
				.record(took);
		}
	}

	private void gauge(String model, String name, String description, double value) {
		MeterRegistry registry = this.meters;
		if (registry == null) {
			return;
		}
		AtomicReference<Double> holder = this.latest.computeIfAbsent(model, (m) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (n) -> {
				AtomicReference<Double> reference = new AtomicReference<>(Double.NaN);
				Gauge.builder(name, reference, AtomicReference::get)
					.description(description)
					.tag("model", model)
					.register(registry);
				return reference;
			});
		holder.set(value);
	}

}
