package io.modelport.nn;

/**
 * Thrown when a descriptor or a training request names an architecture the catalog does
 * not know, or gives it invalid hyperparameters.
 *
 * @author Modelport Team
 */
public class UnknownArchitectureException extends IllegalArgumentException {

	public UnknownArchitectureException(String message) {
		super(message);
	}

}
