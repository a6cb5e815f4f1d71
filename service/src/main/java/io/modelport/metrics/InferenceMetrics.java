package io.modelport.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ai.djl.translate.TranslateException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import io.modelport.imaging.InvalidImageException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.QueueFullException;
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
	 * Runs one inference request and records it with the outcome its exception tells:
	 * invalid input, rejected (queue full), timed out, or error for anything else.
	 * @param <T> the result type
	 * @param descriptor the model version that serves it
	 * @param inference the work from accepting the input to the response
	 * @return the result
	 * @throws TranslateException when the engine or translator fails
	 */
	public <T> T measure(ModelDescriptor descriptor, Inference<T> inference) throws TranslateException {
		long start = System.nanoTime();
		String outcome = ERROR;
		try {
			T result = inference.run();
			outcome = SUCCESS;
			return result;
		}
		catch (InvalidImageException ex) {
			outcome = INVALID_INPUT;
			throw ex;
		}
		catch (QueueFullException ex) {
			outcome = REJECTED;
			throw ex;
		}
		catch (DeadlineExceededException ex) {
			outcome = TIMED_OUT;
			throw ex;
		}
		finally {
			record(descriptor, outcome, System.nanoTime() - start);
		}
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

	/**
	 * The measured work of one request.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Inference<T> {

		/**
		 * Runs the work.
		 * @return the result
		 * @throws TranslateException when the engine or translator fails
		 */
		T run() throws TranslateException;

	}

}
