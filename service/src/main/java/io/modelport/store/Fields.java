package io.modelport.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to a parsed YAML mapping, with messages that name the offending field.
 *
 * @author Modelport Team
 */
final class Fields {

	private final Map<?, ?> values;

	Fields(Map<?, ?> values) {
		this.values = values;
	}

	String string(String key) {
		Object value = this.values.get(key);
		return (value != null) ? value.toString() : null;
	}

	String requiredString(String key) {
		String value = string(key);
		if (value == null || value.isBlank()) {
			throw new InvalidModelException("descriptor field '" + key + "' is required");
		}
		return value;
	}

	Integer integer(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Integer number) {
			return number;
		}
		throw new InvalidModelException("descriptor field '" + key + "' must be an integer, was '" + value + "'");
	}

	int requiredInteger(String key) {
		Integer value = integer(key);
		if (value == null) {
			throw new InvalidModelException("descriptor field '" + key + "' is required");
		}
		return value;
	}

	int integerOr(String key, int fallback) {
		Integer value = integer(key);
		return (value != null) ? value : fallback;
	}

	float floatOr(String key, float fallback) {
		Object value = this.values.get(key);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Number number) {
			return number.floatValue();
		}
		throw new InvalidModelException("descriptor field '" + key + "' must be a number, was '" + value + "'");
	}

	float[] floats(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidModelException("descriptor field '" + key + "' must be a list of numbers");
		}
		float[] result = new float[list.size()];
		for (int i = 0; i < result.length; i++) {
			if (!(list.get(i) instanceof Number number)) {
				throw new InvalidModelException("descriptor field '" + key + "' must be a list of numbers");
			}
			result[i] = number.floatValue();
		}
		return result;
	}

	List<String> strings(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidModelException("descriptor field '" + key + "' must be a list");
		}
		return list.stream().map(String::valueOf).toList();
	}

	Map<String, Object> map(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidModelException("descriptor field '" + key + "' must be a mapping");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((k, v) -> {
			if (v != null) {
				result.put(String.valueOf(k), v);
			}
		});
		return result;
	}

	Fields child(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidModelException("descriptor field '" + key + "' must be a mapping");
		}
		return new Fields(map);
	}

	List<Fields> children(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidModelException("descriptor field '" + key + "' must be a list");
		}
		List<Fields> result = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new InvalidModelException("each entry of '" + key + "' must be a mapping");
			}
			result.add(new Fields(map));
		}
		return result;
	}

}
