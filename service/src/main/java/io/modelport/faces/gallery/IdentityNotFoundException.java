package io.modelport.faces.gallery;

/**
 * Thrown when a gallery has no identity of the name asked for.
 *
 * @author Modelport Team
 */
public class IdentityNotFoundException extends RuntimeException {

	public IdentityNotFoundException(String message) {
		super(message);
	}

}
