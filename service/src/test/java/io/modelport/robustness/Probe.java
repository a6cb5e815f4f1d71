package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request a property sends: the path is sent exactly as given (percent-encoding
 * included), the body as raw bytes, so anything malformed reaches the server unchanged.
 *
 * @param method the HTTP method
 * @param path the path and query, as sent
 * @param contentType the {@code Content-Type} header, {@code null} for none
 * @param body the body, empty for none
 * @param headers further headers
 * @author Modelport Team
 */
record Probe(String method, String path, String contentType, byte[] body, Map<String, String> headers) {

	Probe {
		body = (body != null) ? body : new byte[0];
		headers = Map.copyOf(headers);
	}

	static Probe get(String path) {
		return new Probe("GET", path, null, null, Map.of());
	}

	static Probe post(String path, String contentType, byte[] body) {
		return new Probe("POST", path, contentType, body, Map.of());
	}

	static Probe post(String path, String contentType, String body) {
		return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	static Probe put(String path, String contentType, byte[] body) {
		return new Probe("PUT", path, contentType, body, Map.of());
	}

	Probe withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Probe(this.method, this.path, this.contentType, this.body, more);
	}

	boolean setsDeadline() {
		return this.headers.keySet().stream().anyMatch("Request-Timeout"::equalsIgnoreCase);
	}

	@Override
	public String toString() {
		String shown = new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.ISO_8859_1)
			.replaceAll("[^\\x20-\\x7e]", ".");
		return this.method + " " + abbreviate(this.path) + " [" + this.contentType + "] " + this.headers + " "
				+ this.body.length + " bytes: " + shown;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
	}

}
