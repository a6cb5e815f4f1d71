package io.modelport.faces.gallery;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when an enrolment cannot be stored: another enrolment of the same identity won a
 * race, or the gallery is full.
 *
 * @author Modelport Team
 */
public class GalleryConflictException extends ProblemException {

	public GalleryConflictException(String message) {
		super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", message);
	}

}
