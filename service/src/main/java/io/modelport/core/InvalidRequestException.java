package io.modelport.core;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a request parameter or body field is invalid; answered with 400.
 *
 * @author Modelport Team
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String message) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", message);
	}

}
