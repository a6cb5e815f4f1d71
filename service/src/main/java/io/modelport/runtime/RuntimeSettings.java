package io.modelport.runtime;

import java.time.Duration;

import io.modelport.store.ModelDescriptor;

/**
 * The runtime settings of one model version: the global defaults, overridden by the
 * descriptor's parameters.
 *
 * @param workers worker threads, each owning one predictor
 * @param maxBatchSize the largest batch
 * @param maxBatchDelay how long to wait for a batch to fill
 * @param queueCapacity the request queue's capacity
 * @param callerRuns whether an idle runtime lets the caller's thread run its request
 * @author Modelport Team
 */
public record RuntimeSettings(int workers, int maxBatchSize, Duration maxBatchDelay, int queueCapacity,
		boolean callerRuns) {

	/**
	 * Resolves the settings of a model version.
	 * @param defaults the global defaults
	 * @param descriptor the version's descriptor
	 * @return the settings
	 */
	public static RuntimeSettings of(RuntimeProperties defaults, ModelDescriptor descriptor) {
		return new RuntimeSettings(Math.max(1, descriptor.intParameter("workers", defaults.workers())),
				Math.max(1, descriptor.intParameter("maxBatchSize", defaults.maxBatchSize())),
				Duration.ofMillis(Math.max(0,
						descriptor.intParameter("maxBatchDelayMillis", (int) defaults.maxBatchDelay().toMillis()))),
				Math.max(1, descriptor.intParameter("queueCapacity", defaults.queueCapacity())),
				descriptor.booleanParameter("callerRuns", defaults.callerRuns()));
	}

}
