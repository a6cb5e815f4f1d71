package io.modelport.runtime;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a request reaches a model version that has been unloaded meanwhile.
 *
 * @author Modelport Team
 */
public class ModelClosedException extends ProblemException {

	public ModelClosedException(String message) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.MODEL_NOT_READY, "Model not ready", message);
		// The model is being replaced or unloaded: a new version is usually ready in a
		// second.
		retryAfter(Duration.ofSeconds(1));
	}

}
