package io.modelport.runtime;

/**
 * Thrown when a request's deadline passed before it could run (it is never run) or before
 * its result was ready.
 *
 * @author Modelport Team
 */
public class DeadlineExceededException extends RuntimeException {

	public DeadlineExceededException(String message) {
		super(message);
	}

}
