package io.modelport.faces.gallery;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a gallery has no identity of the name asked for.
 *
 * @author Modelport Team
 */
public class IdentityNotFoundException extends ProblemException {

	public IdentityNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", message);
	}

}
