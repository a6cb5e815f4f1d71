package io.modelport.client;

/**
 * A 500, 504 or another 5xx: the server failed (the error id in its detail finds the log
 * line), or the deadline passed.
 *
 * @author Modelport Team
 */
public class ServerException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public ServerException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public ServerException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
