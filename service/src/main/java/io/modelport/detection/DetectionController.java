package io.modelport.detection;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.modelport.core.RequestTimeout;
import io.modelport.web.ApiProperties;
import io.modelport.web.Base64Image;
import io.modelport.web.ImageParts;

/**
 * {@code POST /api/v1/models/{model}/detect} in the same three input forms as classify.
 * With {@code Accept: image/png} or {@code ?render=true} it answers the image with the
 * boxes drawn instead of JSON.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Detection", description = "Object detection with non-max suppression")
class DetectionController {

	private final DetectionService service;

	private final ApiProperties limits;

	DetectionController(DetectionService service, ApiProperties limits) {
		this.service = service;
		this.limits = limits;
	}

	@PostMapping(path = "/detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Detect objects in an uploaded image (multipart part 'image')")
	ResponseEntity<?> detectMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Float scoreThreshold, @RequestParam(required = false) Float iouThreshold,
			@RequestParam(required = false) Integer maxDetections, @RequestParam(required = false) List<String> classes,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean render,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		return answer(model, version, ImageParts.bytes(image, this.limits),
				new DetectionOptions(scoreThreshold, iouThreshold, maxDetections, classes), render, accept,
				timeoutMillis);
	}

	@PostMapping(path = "/detect",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Detect objects in an image sent as the raw request body")
	ResponseEntity<?> detectRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Float scoreThreshold, @RequestParam(required = false) Float iouThreshold,
			@RequestParam(required = false) Integer maxDetections, @RequestParam(required = false) List<String> classes,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean render,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return answer(model, version, image, new DetectionOptions(scoreThreshold, iouThreshold, maxDetections, classes),
				render, accept, timeoutMillis);
	}

	@PostMapping(path = "/detect", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Detect objects in a base64 image sent as JSON")
	ResponseEntity<?> detectJson(@PathVariable String model, @RequestBody DetectRequest request,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean render,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		Integer v = (request.version() != null) ? request.version() : version;
		return answer(
				model, v, Base64Image.decode(request.image()), new DetectionOptions(request.scoreThreshold(),
						request.iouThreshold(), request.maxDetections(), request.classes()),
				render, accept, timeoutMillis);
	}

	private ResponseEntity<?> answer(String model, Integer version, byte[] image, DetectionOptions options,
			boolean render, String accept, Long timeoutMillis) {
		if (render || (accept != null && accept.contains(MediaType.IMAGE_PNG_VALUE))) {
			return ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.body(this.service.render(model, version, image, options, RequestTimeout.parse(timeoutMillis)));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.service.detect(model, version, image, options, RequestTimeout.parse(timeoutMillis)));
	}

}
