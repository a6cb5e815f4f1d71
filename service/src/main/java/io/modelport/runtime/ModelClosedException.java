package io.modelport.runtime;

/**
 * Thrown when a request reaches a model version that has been unloaded meanwhile.
 *
 * @author Modelport Team
 */
public class ModelClosedException extends RuntimeException {

	public ModelClosedException(String message) {
		super(message);
	}

}
