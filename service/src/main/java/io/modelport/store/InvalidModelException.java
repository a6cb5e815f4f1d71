package io.modelport.store;

/**
 * Thrown when a model folder cannot be turned into a descriptor: malformed YAML, missing
 * fields, a bad layout or an artifact whose checksum does not match.
 *
 * @author Modelport Team
 */
public class InvalidModelException extends RuntimeException {

	public InvalidModelException(String message) {
		super(message);
	}

	public InvalidModelException(String message, Throwable cause) {
		super(message, cause);
	}

}
