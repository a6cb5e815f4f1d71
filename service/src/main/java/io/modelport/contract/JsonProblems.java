package io.modelport.contract;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns an unreadable JSON body into a problem that says what and where: the unknown
 * field with its JSON path and the closest known name, the value that does not fit with
 * the values that would, or the line and column where the JSON stops being JSON.
 *
 * @author Modelport Team
 */
public final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * The problem for an unreadable body.
	 * @param ex the exception Spring MVC raised
	 * @param contentType the request's {@code Content-Type}, may be {@code null}
	 * @return the problem, status 400
	 */
	public static ProblemDetail describe(HttpMessageNotReadableException ex, String contentType) {
		String message = String.valueOf(ex.getMessage());
		boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
		if (!json && message.startsWith("Required request body is missing")) {
			return problem(ContractProblemTypes.EMPTY_BODY, "Empty body",
					"the request body is empty; send the image (or file) bytes, for example with --data-binary @file");
		}
		JacksonException jackson = find(ex, JacksonException.class);
		if (jackson instanceof PropertyBindingException unknown) {
			return unknownField(unknown);
		}
		if (jackson instanceof InvalidFormatException invalid) {
			return invalidValue(invalid);
		}
		if (jackson instanceof MismatchedInputException mismatched && !isEmpty(mismatched)) {
			return wrongType(mismatched);
		}
		if (jackson instanceof StreamReadException parse) {
			return problem(ContractProblemTypes.MALFORMED_JSON, "Malformed JSON",
					"the body is not valid JSON" + at(parse.getLocation()) + ": " + parse.getOriginalMessage());
		}
		if (jackson != null && isEmpty(jackson) || message.startsWith("Required request body is missing")) {
			return problem(ContractProblemTypes.EMPTY_BODY, "Empty body",
					"the request body is empty; this endpoint expects a JSON object");
		}
		return problem(ContractProblemTypes.MALFORMED_JSON, "Malformed JSON",
				"the request body cannot be read as JSON" + ((jackson != null) ? at(jackson.getLocation()) : ""));
	}

	private static ProblemDetail unknownField(PropertyBindingException ex) {
		String name = ex.getPropertyName();
		List<String> known = known(ex.getKnownPropertyIds());
		String path = path(ex);
		ProblemDetail problem = problem(ContractProblemTypes.UNKNOWN_FIELD, "Unknown field", "unknown field '" + path
				+ "'" + Suggestions.didYouMean(name, known) + " (known fields here: " + String.join(", ", known) + ")");
		problem.setProperty("field", path);
		Suggestions.closest(name, known).ifPresent((match) -> problem.setProperty("suggestion", match));
		problem.setProperty("knownFields", known);
		return problem;
	}

	private static ProblemDetail invalidValue(InvalidFormatException ex) {
		Class<?> target = ex.getTargetType();
		String path = path(ex);
		StringBuilder detail = new StringBuilder("field '").append(path)
			.append("' cannot be ")
			.append((ex.getValue() == null) ? "null" : "'" + ex.getValue() + "'");
		ProblemDetail problem = problem(ContractProblemTypes.INVALID_VALUE, "Invalid value", null);
		if (target != null && target.isEnum()) {
			List<String> values = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
			detail.append("; valid values: ").append(String.join(", ", values));
			problem.setProperty("validValues", values);
		}
		else if (target != null) {
			detail.append(": expected ").append(typeName(target));
		}
		problem.setDetail(detail.toString());
		problem.setProperty("field", path);
		return problem;
	}

	private static ProblemDetail wrongType(MismatchedInputException ex) {
		String path = path(ex);
		String expected = (ex.getTargetType() != null) ? typeName(ex.getTargetType()) : "another type";
		ProblemDetail problem = problem(ContractProblemTypes.INVALID_VALUE, "Invalid value",
				"field '" + path + "' has the wrong type" + at(ex.getLocation()) + ": expected " + expected);
		problem.setProperty("field", path);
		return problem;
	}

	private static boolean isEmpty(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		return message.contains("No content to map") || message.contains("end-of-input") && ex.getLocation() != null
				&& ex.getLocation().getCharOffset() <= 0 && ex.getLocation().getByteOffset() <= 0;
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String typeName(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
		}
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
				|| type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}

	private static List<String> known(Collection<Object> ids) {
		if (ids == null) {
			return List.of();
		}
		return List.copyOf(new TreeSet<>(ids.stream().filter(Objects::nonNull).map(Object::toString).toList()));
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	static ProblemDetail problem(java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setType(type);
		problem.setTitle(title);
		if (detail != null) {
			problem.setDetail(detail);
		}
		return problem;
	}

}
