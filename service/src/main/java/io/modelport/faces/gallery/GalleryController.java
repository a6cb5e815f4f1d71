package io.modelport.faces.gallery;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.modelport.core.InvalidRequestException;
import io.modelport.core.RequestTimeout;
import io.modelport.web.ApiProperties;
import io.modelport.web.Base64Image;
import io.modelport.web.ImageParts;

/**
 * The face gallery and 1:K identification. Enrolment stores embeddings, not images,
 * unless {@code modelport.faces.gallery.store-images} is on.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Face gallery", description = "Enrolled identities and 1:K identification")
class GalleryController {

	private final GalleryService service;

	private final ApiProperties limits;

	GalleryController(GalleryService service, ApiProperties limits) {
		this.service = service;
		this.limits = limits;
	}

	@PutMapping(path = "/gallery/{identity}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Enrol an identity from one or more uploaded faces (repeated part 'image')")
	IdentityView enrolMultipart(@PathVariable String model, @PathVariable String identity,
			@RequestPart("image") List<MultipartFile> images, @RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		return this.service.enrol(model, identity, ImageParts.all(images, this.limits), version,
				RequestTimeout.parse(timeoutMillis));
	}

	@PutMapping(path = "/gallery/{identity}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Enrol an identity from base64 faces sent as JSON {images, version}")
	IdentityView enrolJson(@PathVariable String model, @PathVariable String identity, @RequestBody EnrolRequest request,
			@RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		if (request.images() == null) {
			throw new InvalidRequestException("field 'images' with a list of base64 images is required");
		}
		List<byte[]> images = request.images().stream().map((image) -> Base64Image.decode(image, "images")).toList();
		return this.service.enrol(model, identity, images, (request.version() != null) ? request.version() : version,
				RequestTimeout.parse(timeoutMillis));
	}

	@GetMapping("/gallery")
	@Operation(summary = "List the enrolled identities, with the versions their embeddings come from")
	GalleryView gallery(@PathVariable String model) {
		return this.service.gallery(model);
	}

	@GetMapping("/gallery/{identity}")
	@Operation(summary = "Show one enrolled identity")
	IdentityView identity(@PathVariable String model, @PathVariable String identity) {
		return this.service.identity(model, identity);
	}

	@DeleteMapping("/gallery/{identity}")
	@Operation(summary = "Remove an identity and its embeddings")
	ResponseEntity<Void> delete(@PathVariable String model, @PathVariable String identity) {
		this.service.delete(model, identity);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/identify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Identify an uploaded face (part 'image') against the gallery")
	IdentifyResponse identifyMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		return this.service.identify(model, version, ImageParts.bytes(image, this.limits), topK, threshold,
				RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/identify",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Identify a face sent as the raw request body")
	IdentifyResponse identifyRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.identify(model, version, image, topK, threshold, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/identify", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Identify a base64 face sent as JSON {image, topK, threshold, version}")
	IdentifyResponse identifyJson(@PathVariable String model, @RequestBody IdentifyRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.identify(model, request.version(), Base64Image.decode(request.image()), request.topK(),
				request.threshold(), RequestTimeout.parse(timeoutMillis));
	}

}
