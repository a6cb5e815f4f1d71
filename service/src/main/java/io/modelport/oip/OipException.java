package io.modelport.oip;

import org.springframework.http.HttpStatus;

/**
 * Thrown when an Open Inference Protocol request fails; answered as {@code {"error":
 * "..."}} with its status, as the protocol prescribes.
 *
 * @author Modelport Team
 */
public class OipException extends RuntimeException {

	private final HttpStatus status;

	public OipException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	/**
	 * The HTTP status to answer with.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

}
