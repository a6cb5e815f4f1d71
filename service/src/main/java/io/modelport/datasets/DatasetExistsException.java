package io.modelport.datasets;

/**
 * Thrown when an upload names a dataset that already exists.
 *
 * @author Modelport Team
 */
public class DatasetExistsException extends RuntimeException {

	public DatasetExistsException(String message) {
		super(message);
	}

}
