package io.modelport.registry;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.modelport.contract.Suggestions;
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

	/**
	 * No model of that name: the message names the closest known names and all of them,
	 * so a typo is fixed without another request.
	 * @param name the name asked for
	 * @param names the models there are
	 * @return the exception to throw
	 */
	static ModelNotFoundException unknown(String name, Collection<String> names) {
		List<String> known = names.stream().sorted().toList();
		return new ModelNotFoundException("model '" + name + "' does not exist" + Suggestions.didYouMean(name, known)
				+ " (models: " + String.join(", ", known) + ")");
	}

}
