package io.modelport.imaging;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when request bytes are not a decodable image, or an image is too large to
 * decode.
 *
 * @author Modelport Team
 */
public class InvalidImageException extends ProblemException {

	public InvalidImageException(String message) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_IMAGE, "Invalid image", message);
	}

	public InvalidImageException(String message, Throwable cause) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_IMAGE, "Invalid image", message, cause);
	}

}
