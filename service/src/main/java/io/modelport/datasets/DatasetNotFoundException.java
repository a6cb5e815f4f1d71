package io.modelport.datasets;

/**
 * Thrown when a request names a dataset that does not exist.
 *
 * @author Modelport Team
 */
public class DatasetNotFoundException extends RuntimeException {

	public DatasetNotFoundException(String message) {
		super(message);
	}

}
