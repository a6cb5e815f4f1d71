package io.modelport.oip;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.modelport.contract.JsonProblems;
import io.modelport.core.InvalidRequestException;
import io.modelport.core.RequestTimeout;
import io.modelport.core.SafeMessages;
import io.modelport.imaging.InvalidImageException;
import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.ServerMetadata;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.ModelClosedException;
import io.modelport.runtime.QueueFullException;

/**
 * The Open Inference Protocol v2 REST endpoints. Errors are {@code {"error": "..."}} as
 * the protocol prescribes, so this controller maps its own exceptions instead of the
 * application's problem+json advice; health answers are empty bodies with 200 or 400.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/v2")
@Tag(name = "Open Inference Protocol v2", description = "KServe/Triton-compatible REST inference")
class OipController {

	private final OipService service;

	private final OipBinary binary;

	OipController(OipService service, OipBinary binary) {
		this.service = service;
		this.binary = binary;
	}

	@GetMapping
	@Operation(summary = "Server metadata")
	ServerMetadata server() {
		return this.service.server();
	}

	@GetMapping("/health/live")
	@Operation(summary = "200 while the server can answer requests")
	ResponseEntity<Void> live() {
		return ResponseEntity.ok().build();
	}

	@GetMapping("/health/ready")
	@Operation(summary = "200 when every required model is ready, else 400")
	ResponseEntity<Void> ready() {
		return status(this.service.serverReady());
	}

	@GetMapping({ "/models/{model}", "/models/{model}/versions/{version}" })
	@Operation(summary = "Model metadata: versions, inputs and outputs with datatypes and shapes")
	ModelMetadata metadata(@PathVariable String model, @PathVariable(required = false) Integer version) {
		return this.service.metadata(model, version);
	}

	@GetMapping({ "/models/{model}/ready", "/models/{model}/versions/{version}/ready" })
	@Operation(summary = "200 when the model (version) is ready, else 400")
	ResponseEntity<Void> modelReady(@PathVariable String model, @PathVariable(required = false) Integer version) {
		return status(this.service.ready(model, version));
	}

	@PostMapping({ "/models/{model}/infer", "/models/{model}/versions/{version}/infer" })
	@Operation(summary = "Inference with JSON tensors")
	InferResponse infer(@PathVariable String model, @PathVariable(required = false) Integer version,
			@RequestBody InferRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.infer(model, version, request, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = { "/models/{model}/infer", "/models/{model}/versions/{version}/infer" },
			headers = OipBinary.HEADER)
	@Operation(summary = "Inference with binary tensors: a JSON header of Inference-Header-Content-Length bytes, "
			+ "then the raw contents of inputs with parameters.binary_data_size")
	ResponseEntity<byte[]> inferBinary(@PathVariable String model, @PathVariable(required = false) Integer version,
			@RequestBody byte[] body, @RequestHeader(OipBinary.HEADER) String headerLength,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		InferRequest request = this.binary.read(body, headerLength);
		InferResponse answer = this.service.infer(model, version, request, RequestTimeout.parse(timeoutMillis));
		return this.binary.write(request, answer);
	}

	@ExceptionHandler(OipException.class)
	ResponseEntity<Map<String, String>> oip(OipException ex) {
		return error(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(ModelNotFoundException.class)
	ResponseEntity<Map<String, String>> notFound(ModelNotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler({ InvalidImageException.class, InvalidRequestException.class,
			HttpMessageNotReadableException.class, IllegalArgumentException.class, ArithmeticException.class })
	ResponseEntity<Map<String, String>> badRequest(Exception ex) {
		String message = (ex instanceof HttpMessageNotReadableException unreadable)
				? JsonProblems.describe(unreadable, MediaType.APPLICATION_JSON_VALUE).getDetail() : ex.getMessage();
		return error(HttpStatus.BAD_REQUEST, message);
	}

	@ExceptionHandler({ ModelNotReadyException.class, ModelClosedException.class })
	ResponseEntity<Map<String, String>> notReady(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Map.of("error", SafeMessages.withoutPaths(ex.getMessage())));
	}

	@ExceptionHandler(QueueFullException.class)
	ResponseEntity<Map<String, String>> queueFull(QueueFullException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(DeadlineExceededException.class)
	ResponseEntity<Map<String, String>> deadline(DeadlineExceededException ex) {
		return error(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	private static ResponseEntity<Void> status(boolean ok) {
		return ResponseEntity.status(ok ? HttpStatus.OK : HttpStatus.BAD_REQUEST).build();
	}

	// The content type is set, not negotiated: an error body is JSON whatever the client
	// accepts (negotiating it would fail for Accept: text/plain and turn a 4xx into a
	// 500).
	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", String.valueOf(SafeMessages.withoutPaths(message))));
	}

}
