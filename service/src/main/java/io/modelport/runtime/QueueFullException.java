package io.modelport.runtime;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a model's request queue is full; carries when a retry is likely to be
 * accepted, computed from the queue depth and the measured service rate.
 *
 * @author Modelport Team
 */
public class QueueFullException extends ProblemException {

	private final Duration retryAfter;

	public QueueFullException(String message, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.MODEL_BUSY, "Model busy", message);
		this.retryAfter = retryAfter;
		retryAfter(retryAfter);
	}

	/**
	 * How long the client should wait.
	 * @return the delay for the {@code Retry-After} header
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
