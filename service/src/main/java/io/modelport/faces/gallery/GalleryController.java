package io.modelport.faces.gallery;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import io.modelport.faces.FaceDrawing;
import io.modelport.faces.FaceSelection;
import io.modelport.faces.FaceService;
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

	private final FaceService faces;

	GalleryController(GalleryService service, ApiProperties limits, FaceService faces) {
		this.service = service;
		this.limits = limits;
		this.faces = faces;
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

	@PostMapping(path = "/identify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Identify the faces of an uploaded photo (part 'image') against the gallery")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { IdentifyResponse.class, GroupIdentifyResponse.class })))
	Object identifyMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		FaceSelection selection = FaceSelection.parse(face);
		return answer(model, version, ImageParts.bytes(image, this.limits), topK, threshold, selection, timeoutMillis);
	}

	@PostMapping(path = "/identify",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Identify the faces of a photo sent as the raw request body")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { IdentifyResponse.class, GroupIdentifyResponse.class })))
	Object identifyRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return answer(model, version, image, topK, threshold, FaceSelection.parse(face), timeoutMillis);
	}

	@PostMapping(path = "/identify", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Identify the faces of a base64 photo sent as JSON {image, topK, threshold, version, face}")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { IdentifyResponse.class, GroupIdentifyResponse.class })))
	Object identifyJson(@PathVariable String model, @RequestBody IdentifyRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		FaceSelection selection = FaceSelection.parse(request.face());
		return answer(model, request.version(), Base64Image.decode(request.image()), request.topK(),
				request.threshold(), selection, timeoutMillis);
	}

	@PostMapping(path = "/identify",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Draw the faces of a photo (body) with the names identified (every face by default)")
	byte[] drawRaw(@PathVariable String model, @RequestBody byte[] image, @RequestParam(required = false) Integer topK,
			@RequestParam(required = false) Double threshold, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		FaceSelection selection = (face != null) ? FaceSelection.parse(face) : FaceSelection.ALL;
		List<IdentifiedFace> faces = this.service.identifyFaces(model, version, image, topK, threshold, selection,
				RequestTimeout.parse(timeoutMillis));
		return FaceDrawing.png(this.faces.decode(image), faces.stream().map(IdentifiedFace::face).toList(),
				faces.stream().map((f) -> f.answer().identity()).toList(), true);
	}

	@PostMapping(path = "/identify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Draw the faces of an uploaded photo (part 'image') with the names identified")
	byte[] drawMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		return drawRaw(model, ImageParts.bytes(image, this.limits), topK, threshold, version, face, timeoutMillis);
	}

	private Object answer(String model, Integer version, byte[] image, Integer topK, Double threshold,
			FaceSelection selection, Long timeoutMillis) {
		List<IdentifiedFace> faces = this.service.identifyFaces(model, version, image, topK, threshold, selection,
				RequestTimeout.parse(timeoutMillis));
		if (selection.mode() != FaceSelection.Mode.ALL) {
			return faces.get(0).answer();
		}
		IdentifyResponse first = faces.get(0).answer();
		return GroupIdentifyResponse.of(model, first.version(), first.threshold(), faces);
	}

}
