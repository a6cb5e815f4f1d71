package io.modelport.faces;

/**
 * The photo holds no face the model can align (or not the one the request asked for):
 * answered 422, never a guess.
 *
 * @author Modelport Team
 */
public class NoFaceException extends RuntimeException {

	public NoFaceException(String message) {
		super(message);
	}

}
