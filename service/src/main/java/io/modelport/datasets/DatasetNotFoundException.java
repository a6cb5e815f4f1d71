package io.modelport.datasets;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a request names a dataset that does not exist.
 *
 * @author Modelport Team
 */
public class DatasetNotFoundException extends ProblemException {

	public DatasetNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", message);
	}

}
