package io.modelport.datasets;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when an upload names a dataset that already exists.
 *
 * @author Modelport Team
 */
public class DatasetExistsException extends ProblemException {

	public DatasetExistsException(String message) {
		super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", message);
	}

}
