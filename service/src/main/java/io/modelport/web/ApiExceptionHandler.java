package io.modelport.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.modelport.contract.ContractProblemTypes;
import io.modelport.contract.JsonProblems;
import io.modelport.contract.MvcProblems;
import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;
import io.modelport.core.SafeMessages;

/**
 * The one place that turns exceptions into RFC 9457 {@code application/problem+json}.
 * Modelport's own exceptions carry their problem detail ({@link ProblemException}), so
 * this class names none of them and no feature package. Spring MVC's own exceptions
 * (unsupported media type, missing part, type mismatch, ...) get their standard status
 * from the base class. Unexpected errors are logged with an id that the response carries;
 * the response never carries a stack trace.
 *
 * @author Modelport Team
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	private static final Duration STORE_RETRY = Duration.ofSeconds(5);

	// Every feature's exception carries its own status, type, title and headers.
	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> carried(ProblemException ex) {
		ProblemDetail body = ex.getBody();
		if (ex.getStatusCode().value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			String id = UUID.randomUUID().toString();
			log.error("Request failed, error id " + id, ex);
			body.setProperty("errorId", id);
		}
		return ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders()).body(body);
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
				ex.getMessage());
	}

	// A body that is not valid multipart (cut off, wrong boundary) is the client's error;
	// over-size uploads keep their 413 (MaxUploadSizeExceededException, below).
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return payloadTooLarge(tooLarge);
			}
		}
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				"the multipart body cannot be parsed: it is cut off or its boundary does not match");
	}

	// Tomcat parses form and query parameters lazily and throws when they do not decode
	// (bad percent-encoding or charset); that is the client's error.
	// A raw image sent without a Content-Type (curl's default is form-urlencoded) lands
	// here too: that is the likeliest cause, so the answer names it.
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex, HttpServletRequest request) {
		if (MediaType.APPLICATION_FORM_URLENCODED_VALUE.equalsIgnoreCase(String.valueOf(request.getContentType()))) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ContractProblemTypes.UNSUPPORTED_MEDIA_TYPE,
					"Unsupported media type",
					"the body was sent as application/x-www-form-urlencoded (curl's default for -d and --data-binary);"
							+ " send an image with -H 'Content-Type: image/png' (or image/jpeg, application/octet-stream),"
							+ " JSON with -H 'Content-Type: application/json', or use -F for multipart/form-data");
		}
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				"the request parameters cannot be decoded (bad percent-encoding or character set)");

	}

	// The database behind training jobs and face galleries is down or
	// unreachable: a retry later may succeed, so this is 503 rather than 500.
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException ex) {
		log.warn("Job store unavailable: " + ex.getMessage());
		return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE, "Store unavailable",
				"the job store database cannot be reached; inference is not affected", STORE_RETRY);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (ex instanceof IOException io && DiskSpace.isFull(io)) {
			log.warn("Disk full: " + ex.getMessage());
			return problem(HttpStatus.INSUFFICIENT_STORAGE, ProblemTypes.INSUFFICIENT_STORAGE, "Insufficient storage",
					"the disk is full; nothing was stored");
		}
		return internal(ProblemTypes.INTERNAL_ERROR, "Internal error", "an unexpected error occurred", ex);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return new ResponseEntity<>(payloadTooLarge(tooLarge).getBody(), HttpStatus.CONTENT_TOO_LARGE);
			}
		}
		return handleExceptionInternal(ex, JsonProblems.describe(ex, request.getHeader(HttpHeaders.CONTENT_TYPE)),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	// Spring MVC's own 4xx problems get a Modelport type URN and a detail naming what
	// would have been accepted.
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			MvcProblems.complete(ex, problem);
		}
		return response;
	}

	// A request argument of the wrong form (a file part where a text field is expected)
	// cannot be converted: the client's error, not the server's.
	@Override
	protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentConversionNotSupportedException argument)) {
			return super.handleConversionNotSupported(ex, headers, status, request);
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"parameter '" + argument.getName() + "' has the wrong form: a file part where a value is expected");
		body.setType(ProblemTypes.INVALID_REQUEST);
		body.setTitle("Invalid request");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"the upload is larger than the limit of " + ex.getMaxUploadSize() + " bytes");
		body.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
		body.setTitle("Payload too large");
		return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}

	private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, URI type, String title, String detail,
			Duration after) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, SafeMessages.withoutPaths(detail));
		body.setType(type);
		body.setTitle(title);
		return ResponseEntity.status(status)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())))
			.body(body);
	}

	private static ResponseEntity<ProblemDetail> internal(URI type, String title, String detail, Exception ex) {
		String id = UUID.randomUUID().toString();
		log.error("Request failed, error id " + id, ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				SafeMessages.withoutPaths(detail));
		body.setType(type);
		body.setTitle(title);
		body.setProperty("errorId", id);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, SafeMessages.withoutPaths(detail));
		body.setType(type);
		body.setTitle(title);
		return ResponseEntity.status(status).body(body);
	}

}
