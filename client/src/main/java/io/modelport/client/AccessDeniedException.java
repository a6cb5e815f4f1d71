package io.modelport.client;

/**
 * A 401 or 403: no valid API key, or a key without the scope the endpoint needs.
 *
 * @author Modelport Team
 */
public class AccessDeniedException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public AccessDeniedException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public AccessDeniedException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
