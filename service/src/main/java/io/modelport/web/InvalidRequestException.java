package io.modelport.web;

/**
 * Thrown when a request parameter or body field is invalid; answered with 400.
 *
 * @author Modelport Team
 */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}

}
