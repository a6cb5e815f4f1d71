package io.modelport.jobs;

/**
 * Thrown when a job cannot change any more (cancelling a finished job).
 *
 * @author Modelport Team
 */
public class JobConflictException extends RuntimeException {

	public JobConflictException(String message) {
		super(message);
	}

}
