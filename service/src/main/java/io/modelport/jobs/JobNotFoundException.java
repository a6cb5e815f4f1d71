package io.modelport.jobs;

/**
 * Thrown when a request names a training job that does not exist.
 *
 * @author Modelport Team
 */
public class JobNotFoundException extends RuntimeException {

	public JobNotFoundException(String id) {
		super("training job '" + id + "' does not exist");
	}

}
