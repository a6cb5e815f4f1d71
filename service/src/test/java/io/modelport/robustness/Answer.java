package io.modelport.robustness;

import java.nio.charset.StandardCharsets;

/**
 * The service's answer to a {@link Probe}.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, {@code null} when absent
 * @param body the body
 * @param millis how long the answer took
 * @author Modelport Team
 */
record Answer(int status, String contentType, byte[] body, long millis) {

	String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		String text = text();
		return this.status + " [" + this.contentType + "] in " + this.millis + " ms: "
				+ ((text.length() > 400) ? text.substring(0, 400) + "..." : text);
	}

}
