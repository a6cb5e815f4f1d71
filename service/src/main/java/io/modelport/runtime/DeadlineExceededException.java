package io.modelport.runtime;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a request's deadline passed before it could run (it is never run) or before
 * its result was ready.
 *
 * @author Modelport Team
 */
public class DeadlineExceededException extends ProblemException {

	public DeadlineExceededException(String message) {
		super(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.DEADLINE_EXCEEDED, "Deadline exceeded", message);
	}

}
