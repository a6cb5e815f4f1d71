package io.modelport.registry;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a request names a model or version the store does not have.
 *
 * @author Modelport Team
 */
public class ModelNotFoundException extends ProblemException {

	public ModelNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.MODEL_NOT_FOUND, "Model not found", message);
	}

}
