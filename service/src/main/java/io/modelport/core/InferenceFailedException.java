package io.modelport.core;

import org.springframework.http.HttpStatus;

/**
 * Thrown when the engine fails while running a valid request; answered with 500 and a
 * message that does not leak engine internals.
 *
 * @author Modelport Team
 */
public class InferenceFailedException extends ProblemException {

	public InferenceFailedException(String message, Throwable cause) {
		super(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INFERENCE_FAILED, "Inference failed", message, cause);
	}

}
