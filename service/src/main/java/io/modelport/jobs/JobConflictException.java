package io.modelport.jobs;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a job cannot change any more (cancelling a finished job).
 *
 * @author Modelport Team
 */
public class JobConflictException extends ProblemException {

	public JobConflictException(String message) {
		super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", message);
	}

}
