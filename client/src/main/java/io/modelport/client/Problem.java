package io.modelport.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 9457 problem details as the server sent them.
 *
 * @param status the HTTP status, {@code 0} when no answer came
 * @param type the problem type URI, {@code null} when absent
 * @param title the short summary
 * @param detail what went wrong with this request
 * @param field the request field at fault, when the server named one
 * @param errors every field error, for requests validated as a whole
 * @param retryAfter the {@code Retry-After} the server asked for, or {@code null}
 * @param properties every other member of the body
 * @author Modelport Team
 */
public record Problem(int status, URI type, String title, String detail, String field, List<FieldError> errors,
		Duration retryAfter, Map<String, Object> properties) {

	private static final List<String> STANDARD = List.of("type", "title", "status", "detail", "instance", "field",
			"errors", "error");

	public Problem {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
		properties = (properties != null) ? Map.copyOf(properties) : Map.of();
	}

	String summary() {
		StringBuilder summary = new StringBuilder();
		if (this.status > 0) {
			summary.append("HTTP ").append(this.status);
		}
		if (this.title != null) {
			summary.append((summary.length() > 0) ? " " : "").append(this.title);
		}
		if (this.detail != null) {
			summary.append(": ").append(this.detail);
		}
		return summary.toString();
	}

	/**
	 * Reads an error body: problem+json, an Open Inference Protocol {@code {"error":
	 * ...}} body, or anything else (kept as the detail).
	 * @param status the status
	 * @param body the body
	 * @param retryAfter the parsed {@code Retry-After}, or {@code null}
	 * @param json the mapper
	 * @return the problem
	 */
	static Problem parse(int status, String body, Duration retryAfter, ObjectMapper json) {
		JsonNode node = null;
		try {
			node = (body != null && !body.isBlank()) ? json.readTree(body) : null;
		}
		catch (Exception ex) {
			// Not JSON (a proxy's HTML page): the text itself is the detail.
		}
		if (node == null || !node.isObject()) {
			String detail = (body != null && !body.isBlank()) ? body.strip() : null;
			return new Problem(status, null, null, detail, null, List.of(), retryAfter, Map.of());
		}
		List<FieldError> errors = new ArrayList<>();
		for (JsonNode error : node.path("errors")) {
			errors.add(new FieldError(text(error, "field"), text(error, "message")));
		}
		String field = text(node, "field");
		if (field == null && !errors.isEmpty()) {
			field = errors.get(0).field();
		}
		String detail = (node.has("detail")) ? text(node, "detail") : text(node, "error");
		String type = text(node, "type");
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		node.properties().forEach((entry) -> {
			if (!STANDARD.contains(entry.getKey()) && !entry.getValue().isNull()) {
				properties.put(entry.getKey(), json.convertValue(entry.getValue(), Object.class));
			}
		});
		return new Problem(status, (type != null) ? URI.create(type) : null, text(node, "title"), detail, field, errors,
				retryAfter, properties);
	}

	static Problem unreachable(String detail) {
		return new Problem(0, null, "Unavailable", detail, null, List.of(), null, Map.of());
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && !value.isNull()) ? value.asText() : null;
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field path, for example {@code settings.batchSize}
	 * @param message what is wrong with it
	 * @author Modelport Team
	 */
	public record FieldError(String field, String message) {

	}

}
