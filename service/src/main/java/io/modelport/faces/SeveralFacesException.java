package io.modelport.faces;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * The photo holds several faces where the request needs exactly one (an enrolment, or
 * {@code verify} with {@code face=all}): answered 422 rather than picking one.
 *
 * @author Modelport Team
 */
public class SeveralFacesException extends ProblemException {

	public SeveralFacesException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.SEVERAL_FACES, "Several faces", message);
	}

}
