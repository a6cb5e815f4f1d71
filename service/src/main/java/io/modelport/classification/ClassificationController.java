package io.modelport.classification;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
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
 * {@code POST /api/v1/models/{model}/classify} in three input forms: a multipart
 * {@code image} part, a raw image body, or JSON with base64.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Classification", description = "Image classification with a classifier model")
class ClassificationController {

	private final ClassificationService service;

	private final ApiProperties limits;

	ClassificationController(ClassificationService service, ApiProperties limits) {
		this.service = service;
		this.limits = limits;
	}

	@PostMapping(path = "/classify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Classify an uploaded image (multipart part 'image')")
	ClassificationResponse classifyMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		return this.service.classify(model, version, ImageParts.bytes(image, this.limits), topK,
				RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/classify",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Classify an image sent as the raw request body")
	ClassificationResponse classifyRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.classify(model, version, image, topK, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Classify a base64 image sent as JSON {image, topK, version}")
	ClassificationResponse classifyJson(@PathVariable String model, @RequestBody ClassifyRequest request,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		Integer k = (request.topK() != null) ? request.topK() : topK;
		Integer v = (request.version() != null) ? request.version() : version;
		return this.service.classify(model, v, Base64Image.decode(request.image()), k,
				RequestTimeout.parse(timeoutMillis));
	}

}
