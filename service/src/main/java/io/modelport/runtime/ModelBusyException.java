package io.modelport.runtime;

/**
 * Thrown when no predictor of a model became free within the configured wait.
 *
 * @author Modelport Team
 */
public class ModelBusyException extends RuntimeException {

	public ModelBusyException(String message) {
		super(message);
	}

}
