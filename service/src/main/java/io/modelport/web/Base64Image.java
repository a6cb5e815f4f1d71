package io.modelport.web;

import java.util.Base64;

import io.modelport.core.InvalidRequestException;

/**
 * Decodes the base64 image field of JSON requests.
 *
 * @author Modelport Team
 */
public final class Base64Image {

	private Base64Image() {
	}

	/**
	 * Decodes plain base64 or a {@code data:} URL, ignoring whitespace.
	 * @param image the field value
	 * @return the image bytes
	 * @throws InvalidRequestException when the field is missing or not base64
	 */
	public static byte[] decode(String image) {
		return decode(image, "image");
	}

	/**
	 * Decodes plain base64 or a {@code data:} URL, ignoring whitespace.
	 * @param image the field value
	 * @param field the field name, for error messages
	 * @return the image bytes
	 * @throws InvalidRequestException when the field is missing or not base64
	 */
	public static byte[] decode(String image, String field) {
		if (image == null || image.isBlank()) {
			throw new InvalidRequestException("field '" + field + "' with base64 image data is required");
		}
		String data = image.startsWith("data:") ? image.substring(image.indexOf(',') + 1) : image;
		try {
			return Base64.getDecoder().decode(data.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("field '" + field + "' is not valid base64: " + ex.getMessage());
		}
	}

}
