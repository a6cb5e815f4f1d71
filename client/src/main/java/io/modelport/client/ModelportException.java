package io.modelport.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A request the server refused or could not answer, with what its RFC 9457 problem
 * details (or an Open Inference Protocol {@code {"error": ...}} body) said. The
 * subclasses sort the statuses into what a caller does about them.
 *
 * @author Modelport Team
 */
public class ModelportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Problem problem;

	/**
	 * Creates an exception from a problem.
	 * @param problem what the server said
	 */
	public ModelportException(Problem problem) {
		super(problem.summary());
		this.problem = problem;
	}

	/**
	 * Creates an exception from a problem and its cause.
	 * @param problem what the server said
	 * @param cause the cause
	 */
	public ModelportException(Problem problem, Throwable cause) {
		super(problem.summary(), cause);
		this.problem = problem;
	}

	/**
	 * The problem details.
	 * @return the problem
	 */
	public Problem problem() {
		return this.problem;
	}

	/**
	 * The HTTP status, {@code 0} when no answer came.
	 * @return the status
	 */
	public int status() {
		return this.problem.status();
	}

	/**
	 * The problem type, for example {@code urn:modelport:problem:model-not-found}.
	 * @return the type, {@code null} when the body had none
	 */
	public URI type() {
		return this.problem.type();
	}

	/**
	 * The problem title.
	 * @return the title
	 */
	public String title() {
		return this.problem.title();
	}

	/**
	 * The problem detail.
	 * @return the detail
	 */
	public String detail() {
		return this.problem.detail();
	}

	/**
	 * The request field the problem is about, when the server named one.
	 * @return the field or {@code null}
	 */
	public String field() {
		return this.problem.field();
	}

	/**
	 * Every invalid field of a refused request (a training job lists them all).
	 * @return the field errors, empty when none
	 */
	public List<Problem.FieldError> errors() {
		return this.problem.errors();
	}

	/**
	 * How long the server asked the client to wait before trying again.
	 * @return the wait or {@code null}
	 */
	public Duration retryAfter() {
		return this.problem.retryAfter();
	}

	static ModelportException of(Problem problem) {
		int status = problem.status();
		if (status == 404) {
			return new NotFoundException(problem);
		}
		if (status == 401 || status == 403) {
			return new AccessDeniedException(problem);
		}
		if (status == 409) {
			return new ConflictException(problem);
		}
		if (status == 429 || status == 503) {
			return new UnavailableException(problem);
		}
		if (status >= 400 && status < 500) {
			return new InvalidRequestException(problem);
		}
		return new ServerException(problem);
	}

}
