package io.modelport.web;

import java.io.IOException;

/**
 * Thrown when a request body exceeds the configured size limit; answered with 413. It is
 * an {@link IOException} so it can surface from the body stream while a converter reads.
 *
 * @author Modelport Team
 */
public class PayloadTooLargeException extends IOException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
