package io.modelport.registry;

import java.time.Duration;

/**
 * Thrown when a model exists but cannot serve yet (still loading) or at all (its load
 * failed). Carries how long a client should wait before retrying.
 *
 * @author Modelport Team
 */
public class ModelNotReadyException extends RuntimeException {

	private final Duration retryAfter;

	public ModelNotReadyException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the client should wait.
	 * @return the delay for the {@code Retry-After} header
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
