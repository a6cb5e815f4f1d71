package io.modelport.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import io.modelport.store.ModelDescriptor;

/**
 * Records {@code modelport.inference}: one timer per model, version, task and outcome,
 * with histogram buckets so Prometheus can compute latency quantiles across instances.
 * Tags stay low-cardinality: request ids go to logs, never to tags.
 *
 * @author Modelport Team
 */
@Component
public class InferenceMetrics {

	/** The request was served. */
	public static final String SUCCESS = "success";

	/** The request was refused because of its input. */
	public static final String INVALID_INPUT = "invalid_input";

	/** The request was refused because the model was busy. */
	public static final String REJECTED = "rejected";

	/** The request's deadline passed. */
	public static final String TIMED_OUT = "timed_out";

	/** The request failed inside the service. */
	public static final String ERROR = "error";

	private final MeterRegistry registry;

	public InferenceMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records one inference request.
	 * @param descriptor the model version that served it
	 * @param outcome one of the outcome constants
	 * @param nanos the time from accepting the input to the response
	 */
	public void record(ModelDescriptor descriptor, String outcome, long nanos) {
		Timer.builder("modelport.inference")
			.description("Inference requests: decoding, preprocessing, forward pass and postprocessing")
			.tag("model", descriptor.name())
			.tag("version", Integer.toString(descriptor.version()))
			.tag("task", descriptor.task().id())
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
