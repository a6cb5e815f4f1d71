package io.modelport.client;

/**
 * A 400, 413, 415 or another 4xx: the server rejected the input; {@link #field()} and
 * {@link #errors()} say which.
 *
 * @author Modelport Team
 */
public class InvalidRequestException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public InvalidRequestException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public InvalidRequestException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
