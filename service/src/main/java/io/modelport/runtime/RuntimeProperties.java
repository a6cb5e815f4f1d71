package io.modelport.runtime;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference runtime ({@code modelport.runtime.*}); a model's descriptor
 * may override the per-model ones under {@code parameters} ({@code workers},
 * {@code maxBatchSize}, {@code maxBatchDelayMillis}, {@code queueCapacity}).
 *
 * @param device where models run: {@code auto} (a GPU when the engine sees one, else the
 * CPU), {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param workers worker threads per loaded model version, each owning one predictor
 * @param maxBatchSize the most queued requests a worker runs as one batch (1 = no
 * batching)
 * @param maxBatchDelay how long a worker waits for a batch to fill
 * @param queueCapacity queued requests per model version before new ones get 429
 * @param requestTimeout the deadline of a request without a {@code Request-Timeout}
 * header
 * @param drainTimeout how long an unloaded or replaced version may take to finish its
 * queued requests
 * @param intraOpThreads intra-op threads per inference, for PyTorch (read once, when the
 * engine loads) and for each OnnxRuntime session; {@code 0} keeps the engines' default,
 * one per core
 * @param callerRuns whether a request that finds a free slot and an empty queue runs on
 * the caller's thread instead of being handed to a worker (per model: {@code callerRuns})
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.runtime")
public record RuntimeProperties(@DefaultValue("auto") @NotBlank String device,
		@DefaultValue("2") @Min(1) @Max(64) int workers, @DefaultValue("8") @Min(1) @Max(1024) int maxBatchSize,
		@DefaultValue("2ms") Duration maxBatchDelay, @DefaultValue("256") @Min(1) int queueCapacity,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("10s") Duration drainTimeout,
		@DefaultValue("0") @Min(0) @Max(256) int intraOpThreads, @DefaultValue("true") boolean callerRuns) {

	/**
	 * Defaults for tests and tools: the given device and workers, no batching.
	 * @param device the device
	 * @param workers the workers per model
	 * @return the properties
	 */
	public static RuntimeProperties of(String device, int workers) {
		return new RuntimeProperties(device, workers, 1, Duration.ZERO, 256, Duration.ofSeconds(30),
				Duration.ofSeconds(10), 0, true);
	}

}
