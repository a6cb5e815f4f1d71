package io.modelport.client;

/**
 * A 404: the model, version, job, data set, identity or word does not exist.
 *
 * @author Modelport Team
 */
public class NotFoundException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public NotFoundException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public NotFoundException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
