package io.modelport.faces;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@link NoFaceException} as RFC 9457 problem+json, status 422: the image is
 * valid, but holds no usable face. Ordered first so the general handler's catch-all does
 * not turn it into a 500.
 *
 * @author Modelport Team
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FaceExceptionHandler {

	static final URI NO_FACE = URI.create("urn:modelport:problem:no-face");

	@ExceptionHandler(NoFaceException.class)
	ResponseEntity<ProblemDetail> noFace(NoFaceException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		body.setType(NO_FACE);
		body.setTitle("No face");
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

}
