package io.modelport.imaging;

/**
 * Thrown when request bytes are not a decodable image, or an image is too large to
 * decode.
 *
 * @author Modelport Team
 */
public class InvalidImageException extends RuntimeException {

	public InvalidImageException(String message) {
		super(message);
	}

	public InvalidImageException(String message, Throwable cause) {
		super(message, cause);
	}

}
