package io.modelport.registry;

/**
 * Thrown when a request names a model or version the store does not have.
 *
 * @author Modelport Team
 */
public class ModelNotFoundException extends RuntimeException {

	public ModelNotFoundException(String message) {
		super(message);
	}

}
