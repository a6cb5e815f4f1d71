package io.modelport.core;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * An exception that carries its own RFC 9457 problem detail: status, {@code type} URI,
 * title and headers. The one exception handler answers every subclass the same way, so it
 * names no feature's exception and features add new ones without touching it.
 *
 * @author Modelport Team
 */
public abstract class ProblemException extends RuntimeException implements ErrorResponse {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final HttpHeaders headers = new HttpHeaders();

	protected ProblemException(HttpStatus status, URI type, String title, String message) {
		this(status, type, title, message, null);
	}

	protected ProblemException(HttpStatus status, URI type, String title, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.type = type;
		this.title = title;
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return this.status;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * The problem detail, built from the message each time so a subclass's fields are
	 * set; absolute paths are cut from the detail.
	 * @return the body
	 */
	@Override
	public ProblemDetail getBody() {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(this.status, SafeMessages.withoutPaths(getMessage()));
		body.setType(this.type);
		body.setTitle(this.title);
		addProperties(body);
		return body;
	}

	/**
	 * Adds the subclass's own members to the body (a field list, the unknown word).
	 * @param body the body
	 */
	protected void addProperties(ProblemDetail body) {
	}

	/**
	 * Asks the client to retry after a while with a {@code Retry-After} header.
	 * @param after how long to wait, at least one second is sent
	 */
	protected final void retryAfter(Duration after) {
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())));
	}

}
