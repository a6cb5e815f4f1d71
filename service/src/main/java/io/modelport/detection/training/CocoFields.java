package io.modelport.detection.training;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of a COCO JSON file, with messages that say where a field is
 * missing or of the wrong type.
 *
 * @author Modelport Team
 */
final class CocoFields {

	private CocoFields() {
	}

	static List<JsonNode> array(JsonNode node, String field, String where, boolean required) {
		JsonNode value = node.get(field);
		if (value == null && !required) {
			return List.of();
		}
		if (value == null || !value.isArray()) {
			throw new IllegalArgumentException(where + ": '" + field + "' must be an array");
		}
		return List.copyOf(value.values());
	}

	static int integer(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException(where + ": '" + field + "' must be a whole number, was " + value);
		}
		return value.intValue();
	}

	static String text(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string, was " + value);
		}
		return value.stringValue();
	}

}
