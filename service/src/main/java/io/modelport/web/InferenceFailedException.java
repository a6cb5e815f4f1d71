package io.modelport.web;

/**
 * Thrown when the engine fails while running a valid request; answered with 500 and a
 * message that does not leak engine internals.
 *
 * @author Modelport Team
 */
public class InferenceFailedException extends RuntimeException {

	public InferenceFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
