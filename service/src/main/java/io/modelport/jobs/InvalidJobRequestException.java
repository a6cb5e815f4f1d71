package io.modelport.jobs;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a training-job request is invalid; carries one error per field, answered as
 * 400 with an {@code errors} list.
 *
 * @author Modelport Team
 */
public class InvalidJobRequestException extends ProblemException {

	private final List<FieldError> errors;

	public InvalidJobRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid training job",
				"the training job request is invalid: " + errors.size() + " error(s)");
		this.errors = List.copyOf(errors);
	}

	@Override
	protected void addProperties(ProblemDetail body) {
		body.setProperty("errors", this.errors);
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
