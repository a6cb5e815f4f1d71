package io.modelport.cli;

import io.modelport.client.AccessDeniedException;
import io.modelport.client.ConflictException;
import io.modelport.client.InvalidRequestException;
import io.modelport.client.ModelportException;
import io.modelport.client.NotFoundException;

/**
 * The exit codes scripts can rely on (docs/client.md lists them).
 *
 * @author Modelport Team
 */
final class ExitCodes {

	/** Done. */
	static final int OK = 0;

	/** A failure the CLI did not expect (a bug: please report it). */
	static final int INTERNAL = 1;

	/**
	 * Bad arguments: an unknown command or option, a missing value, a file that is not
	 * there.
	 */
	static final int USAGE = 2;

	/** The server has no such model, version, job, data set or word (404). */
	static final int NOT_FOUND = 3;

	/** The server rejected the input (400, 409, 413, 415, 422...). */
	static final int REJECTED = 4;

	/**
	 * The server failed or could not be reached, or stayed busy (5xx, 429, no connection,
	 * timeout).
	 */
	static final int UNAVAILABLE = 5;

	/** No valid API key, or one without the scope the call needs (401, 403). */
	static final int DENIED = 6;

	/** A job that was followed ended FAILED or CANCELLED. */
	static final int JOB_FAILED = 7;

	private ExitCodes() {
	}

	static int of(ModelportException ex) {
		if (ex instanceof NotFoundException) {
			return NOT_FOUND;
		}
		if (ex instanceof AccessDeniedException) {
			return DENIED;
		}
		if (ex instanceof InvalidRequestException || ex instanceof ConflictException) {
			return REJECTED;
		}
		return UNAVAILABLE;
	}

}
