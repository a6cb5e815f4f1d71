package io.modelport.client;

/**
 * A 409: the data set name is taken, the job has already ended, the identity is enrolled
 * with another version.
 *
 * @author Modelport Team
 */
public class ConflictException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public ConflictException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public ConflictException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
