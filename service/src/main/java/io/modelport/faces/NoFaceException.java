package io.modelport.faces;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * The photo holds no face the model can align (or not the one the request asked for):
 * answered 422, never a guess.
 *
 * @author Modelport Team
 */
public class NoFaceException extends ProblemException {

	public NoFaceException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.NO_FACE, "No face", message);
	}

}
