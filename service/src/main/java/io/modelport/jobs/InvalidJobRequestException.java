package io.modelport.jobs;

import java.util.List;

/**
 * Thrown when a training-job request is invalid; carries one error per field, answered as
 * 400 with an {@code errors} list.
 *
 * @author Modelport Team
 */
public class InvalidJobRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidJobRequestException(List<FieldError> errors) {
		super("the training job request is invalid: " + errors.size() + " error(s)");
		this.errors = List.copyOf(errors);
	}

	/**
	 * The field errors.
	 * @return the errors
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field path, for example {@code settings.batchSize}
	 * @param message what is wrong
	 * @author Modelport Team
	 */
	public record FieldError(String field, String message) {

	}

}
