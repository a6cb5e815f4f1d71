package io.modelport.client;

import java.time.Duration;

/**
 * How the client retries a request the server turned away with 429 (queue full) or 503
 * (model not ready, store unavailable): it waits what {@code Retry-After} asks for (or
 * {@code fallbackDelay} when the header is absent) and tries again, at most
 * {@code maxRetries} times and never waiting more than {@code maxTotalWait} in all. A
 * wait that would go past the budget ends the retries at once, so a caller is never held
 * longer than it allowed.
 *
 * @param maxRetries the retries after the first attempt, 0 for none
 * @param maxTotalWait the longest total time spent waiting between attempts
 * @param fallbackDelay the wait when the server sent no {@code Retry-After}
 * @author Modelport Team
 */
public record RetryPolicy(int maxRetries, Duration maxTotalWait, Duration fallbackDelay) {

	/**
	 * Three retries within 30 seconds, one second apart without a {@code Retry-After}.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(1));

	/** No retries: a 429 or 503 is thrown at once. */
	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
		}
		if (maxTotalWait == null || maxTotalWait.isNegative() || fallbackDelay == null || fallbackDelay.isNegative()) {
			throw new IllegalArgumentException("maxTotalWait and fallbackDelay must be durations >= 0");
		}
	}

	static boolean retryable(int status) {
		return status == 429 || status == 503;
	}

}
