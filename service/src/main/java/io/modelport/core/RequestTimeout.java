package io.modelport.core;

import java.time.Duration;

/**
 * The {@code Request-Timeout} header every inference endpoint honours: the client's
 * deadline in milliseconds; a request still queued when it passes is answered 504 and
 * never run.
 *
 * @author Modelport Team
 */
public final class RequestTimeout {

	/** The header name. */
	public static final String HEADER = "Request-Timeout";

	private static final long MAX_MILLIS = 3_600_000;

	private RequestTimeout() {
	}

	/**
	 * Reads the header value.
	 * @param millis the value, {@code null} when the header is absent
	 * @return the deadline from now, {@code null} for the configured default
	 * @throws InvalidRequestException when the value is out of range
	 */
	public static Duration parse(Long millis) {
		if (millis == null) {
			return null;
		}
		if (millis < 1 || millis > MAX_MILLIS) {
			throw new InvalidRequestException(HEADER + " must be between 1 and " + MAX_MILLIS + " milliseconds");
		}
		return Duration.ofMillis(millis);
	}

}
