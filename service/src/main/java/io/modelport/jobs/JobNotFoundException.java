package io.modelport.jobs;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a request names a training job that does not exist.
 *
 * @author Modelport Team
 */
public class JobNotFoundException extends ProblemException {

	public JobNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "training job '" + id + "' does not exist");
	}

}
