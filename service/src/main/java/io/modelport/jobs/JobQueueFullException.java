package io.modelport.jobs;

/**
 * Thrown when a job is submitted while the queue of waiting jobs is full; answered with
 * 429 and a {@code Retry-After}.
 *
 * @author Modelport Team
 */
public class JobQueueFullException extends RuntimeException {

	public JobQueueFullException(String message) {
		super(message);
	}

}
