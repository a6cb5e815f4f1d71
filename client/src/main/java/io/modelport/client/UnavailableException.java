package io.modelport.client;

/**
 * A 429 or 503 that retries did not get past: the model is busy or not ready, or the
 * server is unreachable; {@link #retryAfter()} says when to try again.
 *
 * @author Modelport Team
 */
public class UnavailableException extends ModelportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param problem what the server said
	 */
	public UnavailableException(Problem problem) {
		super(problem);
	}

	/**
	 * Creates the exception with a cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public UnavailableException(Problem problem, Throwable cause) {
		super(problem, cause);
	}

}
