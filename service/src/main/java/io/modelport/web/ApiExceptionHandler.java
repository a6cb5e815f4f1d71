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
import io.modelport.datasets.DatasetExistsException;
import io.modelport.datasets.DatasetNotFoundException;
import io.modelport.faces.gallery.GalleryConflictException;
import io.modelport.faces.gallery.IdentityNotFoundException;
import io.modelport.imaging.InvalidImageException;
import io.modelport.jobs.InvalidJobRequestException;
import io.modelport.jobs.JobConflictException;
import io.modelport.jobs.JobNotFoundException;
import io.modelport.jobs.JobQueueFullException;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.ModelClosedException;
import io.modelport.runtime.QueueFullException;
import io.modelport.security.ForbiddenException;
import io.modelport.security.UnauthorizedException;
import io.modelport.words.UnknownWordException;

/**
 * The one place that turns exceptions into RFC 9457 {@code application/problem+json}.
 * Spring MVC's own exceptions (unsupported media type, missing part, type mismatch, ...)
 * get their standard status from the base class. Unexpected errors are logged with an id
 * that the response carries; the response never carries a stack trace.
 *
 * @author Modelport Team
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	// Jobs train for minutes: a client should not poll the queue every second.
	private static final Duration JOB_QUEUE_RETRY = Duration.ofSeconds(60);

	private static final Duration STORE_RETRY = Duration.ofSeconds(5);

	@ExceptionHandler(ModelNotFoundException.class)
	ResponseEntity<ProblemDetail> modelNotFound(ModelNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.MODEL_NOT_FOUND, "Model not found", ex.getMessage());
	}

	@ExceptionHandler(ModelNotReadyException.class)
	ResponseEntity<ProblemDetail> modelNotReady(ModelNotReadyException ex) {
		return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.MODEL_NOT_READY, "Model not ready",
				ex.getMessage(), ex.retryAfter());
	}

	@ExceptionHandler(ModelClosedException.class)
	ResponseEntity<ProblemDetail> modelClosed(ModelClosedException ex) {
		return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.MODEL_NOT_READY, "Model not ready",
				ex.getMessage(), Duration.ofSeconds(1));
	}

	@ExceptionHandler(QueueFullException.class)
	ResponseEntity<ProblemDetail> queueFull(QueueFullException ex) {
		return retryLater(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.MODEL_BUSY, "Model busy", ex.getMessage(),
				ex.retryAfter());
	}

	@ExceptionHandler(JobQueueFullException.class)
	ResponseEntity<ProblemDetail> jobQueueFull(JobQueueFullException ex) {
		return retryLater(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TRAINING_QUEUE_FULL, "Training queue full",
				ex.getMessage(), JOB_QUEUE_RETRY);
	}

	@ExceptionHandler(DeadlineExceededException.class)
	ResponseEntity<ProblemDetail> deadline(DeadlineExceededException ex) {
		return problem(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.DEADLINE_EXCEEDED, "Deadline exceeded",
				ex.getMessage());
	}

	@ExceptionHandler(InvalidImageException.class)
	ResponseEntity<ProblemDetail> invalidImage(InvalidImageException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_IMAGE, "Invalid image", ex.getMessage());
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", ex.getMessage());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
				ex.getMessage());
	}

	@ExceptionHandler(InferenceFailedException.class)
	ResponseEntity<ProblemDetail> inferenceFailed(InferenceFailedException ex) {
		return internal(ProblemTypes.INFERENCE_FAILED, "Inference failed", ex.getMessage(), ex);
	}

	@ExceptionHandler(InvalidJobRequestException.class)
	ResponseEntity<ProblemDetail> invalidJob(InvalidJobRequestException ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
				"Invalid training job", ex.getMessage());
		response.getBody().setProperty("errors", ex.errors());
		return response;
	}

	@ExceptionHandler({ JobNotFoundException.class, DatasetNotFoundException.class, IdentityNotFoundException.class })
	ResponseEntity<ProblemDetail> notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(UnknownWordException.class)
	ResponseEntity<ProblemDetail> unknownWord(UnknownWordException ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_WORD,
				"Unknown word", ex.getMessage());
		response.getBody().setProperty("word", ex.word());
		return response;
	}

	@ExceptionHandler({ JobConflictException.class, DatasetExistsException.class, GalleryConflictException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler(UnauthorizedException.class)
	ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException ex) {
		String error = ex.keyPresented() ? ", error=\"invalid_token\"" : "";
		return withScope(problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", ex.getMessage()),
				"Bearer realm=\"modelport\"" + error + ", scope=\"" + ex.scope().id() + "\"", ex.scope().id());
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return withScope(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ex.getMessage()),
				"Bearer realm=\"modelport\", error=\"insufficient_scope\", scope=\"" + ex.scope().id() + "\"",
				ex.scope().id());

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

	private static ResponseEntity<ProblemDetail> withScope(ResponseEntity<ProblemDetail> problem, String challenge,
			String scope) {
		problem.getBody().setProperty("scope", scope);
		return ResponseEntity.status(problem.getStatusCode())
			.header(HttpHeaders.WWW_AUTHENTICATE, challenge)
			.body(problem.getBody());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, SafeMessages.withoutPaths(detail));
		body.setType(type);
		body.setTitle(title);
		return ResponseEntity.status(status).body(body);
	}

}
