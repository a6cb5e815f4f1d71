package io.modelport.registry;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a model exists but cannot serve yet (still loading) or at all (its load
 * failed). Carries how long a client should wait before retrying.
 *
 * @author Modelport Team
 */
public class ModelNotReadyException extends ProblemException {

	private final Duration retryAfter;

	public ModelNotReadyException(String message, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.MODEL_NOT_READY, "Model not ready", message);
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
