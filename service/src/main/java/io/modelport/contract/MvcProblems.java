package io.modelport.contract;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.modelport.core.ProblemTypes;

/**
 * Completes the problem details Spring MVC writes for its own exceptions: a Modelport
 * {@code type} URN instead of {@code about:blank}, and a detail that names what would
 * have been accepted (the media types, the methods, an enum's values).
 *
 * @author Modelport Team
 */
public final class MvcProblems {

	private static final URI BLANK = URI.create("about:blank");

	private MvcProblems() {
	}

	/**
	 * Fills in the type, title and detail of a problem Spring MVC made.
	 * @param ex the exception
	 * @param problem the problem to complete
	 */
	public static void complete(Exception ex, ProblemDetail problem) {
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			fill(problem, ContractProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					unsupportedDetail(unsupported));
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
			fill(problem, ContractProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
					"no answer matches the Accept header; this endpoint answers "
							+ types(notAcceptable.getSupportedMediaTypes()));
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException method) {
			String[] supported = method.getSupportedMethods();
			fill(problem, ContractProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
					"method " + method.getMethod() + " is not allowed here"
							+ ((supported != null) ? "; allowed: " + String.join(", ", supported) : ""));
		}
		else if (ex instanceof MissingServletRequestPartException part) {
			fill(problem, ContractProblemTypes.MISSING_PARAMETER, "Missing part",
					"the multipart body has no part named '" + part.getRequestPartName() + "'");
			problem.setProperty("parameter", part.getRequestPartName());
		}
		else if (ex instanceof MissingServletRequestParameterException parameter) {
			fill(problem, ContractProblemTypes.MISSING_PARAMETER, "Missing parameter", "the required parameter '"
					+ parameter.getParameterName() + "' (" + parameter.getParameterType() + ") is missing");
			problem.setProperty("parameter", parameter.getParameterName());
		}
		else if (ex instanceof MissingRequestValueException) {
			fill(problem, ContractProblemTypes.MISSING_PARAMETER, "Missing parameter", null);
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			fill(problem, ContractProblemTypes.INVALID_VALUE, "Invalid value", mismatchDetail(mismatch));
			problem.setProperty("parameter", mismatch.getName());
			Class<?> type = mismatch.getRequiredType();
			if (type != null && type.isEnum()) {
				problem.setProperty("validValues", enumValues(type));
			}
		}
		else if (ex instanceof NoResourceFoundException) {
			fill(problem, ContractProblemTypes.NO_SUCH_ENDPOINT, "Not found",
					"nothing is served at this path; the API is described at /v3/api-docs");
		}
		else if (BLANK.equals(problem.getType())) {
			int status = problem.getStatus();
			problem.setType((status >= 500) ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.INVALID_REQUEST);
		}
	}

	private static String unsupportedDetail(HttpMediaTypeNotSupportedException ex) {
		MediaType sent = ex.getContentType();
		String accepted = types(ex.getSupportedMediaTypes());
		if (sent == null) {
			return "the request has no Content-Type; send one of " + accepted;
		}
		String hint = MediaType.APPLICATION_FORM_URLENCODED.includes(sent)
				? " (curl sends that for -d and --data-binary unless -H 'Content-Type: ...' is given)" : "";
		return "Content-Type '" + sent + "' is not accepted here" + hint + "; send one of " + accepted;
	}

	private static String mismatchDetail(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String detail = "parameter '" + ex.getName() + "' cannot be '" + ex.getValue() + "'";
		if (type != null && type.isEnum()) {
			return detail + "; valid values: " + String.join(", ", enumValues(type));
		}
		return detail + ((type != null) ? ": expected " + simpleName(type) : "");
	}

	private static String simpleName(Class<?> type) {
		return (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) ? "a number"
				: type.getSimpleName();
	}

	private static List<String> enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
	}

	private static String types(List<MediaType> types) {
		if (types == null || types.isEmpty()) {
			return "(none)";
		}
		return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
	}

	private static void fill(ProblemDetail problem, URI type, String title, String detail) {
		problem.setType(type);
		problem.setTitle(title);
		if (detail != null) {
			problem.setDetail(detail);
		}
	}

}
