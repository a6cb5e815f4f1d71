package io.modelport.faces;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
 * Face embedding and 1:1 verification. The {@code face} parameter picks the face of a
 * photo ({@link FaceSelection}); models without a detector take the photo as one face.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Faces", description = FaceController.TAG_DESCRIPTION)
class FaceController {

	// Both face controllers share the tag; springdoc lists a tag twice when its
	// descriptions differ, which generated clients refuse.
	static final String TAG_DESCRIPTION = "Face detection in photos, embeddings and verification";

	private final FaceService service;

	private final ApiProperties limits;

	FaceController(FaceService service, ApiProperties limits) {
		this.service = service;
		this.limits = limits;
	}

	@PostMapping(path = "/embed", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Embed an uploaded face (multipart part 'image')")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { FaceEmbedding.class, FaceEmbeddings.class })))
	Object embedMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		FaceSelection selection = FaceSelection.parse(face);
		return this.service.embed(model, version, ImageParts.bytes(image, this.limits), selection,
				RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/embed",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Embed a face sent as the raw request body")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { FaceEmbedding.class, FaceEmbeddings.class })))
	Object embedRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.embed(model, version, image, FaceSelection.parse(face),
				RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/embed", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Embed a base64 face sent as JSON {image, version}")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(oneOf = { FaceEmbedding.class, FaceEmbeddings.class })))
	Object embedJson(@PathVariable String model, @RequestBody EmbedRequest request,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		FaceSelection selection = FaceSelection.parse((request.face() != null) ? request.face() : face);
		return this.service.embed(model, (request.version() != null) ? request.version() : version,
				Base64Image.decode(request.image()), selection, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Verify that two uploaded faces (parts 'image1', 'image2') are the same person")
	VerificationResponse verifyMultipart(@PathVariable String model, @RequestPart("image1") MultipartFile image1,
			@RequestPart("image2") MultipartFile image2, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) throws IOException {
		FaceSelection selection = FaceSelection.parse(face);
		List<byte[]> images = ImageParts.all(List.of(image1, image2), this.limits);
		return this.service.verify(model, version, images.get(0), images.get(1), threshold, selection,
				RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Verify two base64 faces sent as JSON {image1, image2, threshold, version}")
	VerificationResponse verifyJson(@PathVariable String model, @RequestBody VerifyRequest request,
			@RequestParam(required = false) Double threshold, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String face,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		FaceSelection selection = FaceSelection.parse((request.face() != null) ? request.face() : face);
		return this.service.verify(model, (request.version() != null) ? request.version() : version,
				Base64Image.decode(request.image1(), "image1"), Base64Image.decode(request.image2(), "image2"),
				(request.threshold() != null) ? request.threshold() : threshold, selection,
				RequestTimeout.parse(timeoutMillis));
	}

}
