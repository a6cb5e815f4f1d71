package io.modelport.faces.gallery;

/**
 * Thrown when an enrolment cannot be stored: another enrolment of the same identity won a
 * race, or the gallery is full.
 *
 * @author Modelport Team
 */
public class GalleryConflictException extends RuntimeException {

	public GalleryConflictException(String message) {
		super(message);
	}

}
