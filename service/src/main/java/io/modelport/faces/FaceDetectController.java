package io.modelport.faces;

import java.io.IOException;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.modelport.web.ApiProperties;
import io.modelport.web.ImageParts;

/**
 * Finds every face of a photo (docs/faces.md, "Faces in photos"): boxes, scores and 68
 * landmarks as JSON, or the photo with them drawn for {@code Accept: image/png}.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models/{model}/faces")
@Tag(name = "Faces", description = FaceController.TAG_DESCRIPTION)
class FaceDetectController {

	private final FaceService service;

	private final ApiProperties limits;

	FaceDetectController(FaceService service, ApiProperties limits) {
		this.service = service;
		this.limits = limits;
	}

	@PostMapping(path = "/detect",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Find every face of a photo sent as the raw request body")
	FaceDetections detectRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer version) {
		return this.service.locate(model, version, image).detections();
	}

	@PostMapping(path = "/detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Find every face of an uploaded photo (part 'image')")
	FaceDetections detectMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer version) throws IOException {
		return this.service.locate(model, version, ImageParts.bytes(image, this.limits)).detections();
	}

	@PostMapping(path = "/detect",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Draw every face found (boxes, landmarks, scores) on a photo sent as the body")
	byte[] drawRaw(@PathVariable String model, @RequestBody byte[] image,
			@RequestParam(required = false) Integer version) {
		return draw(this.service.locate(model, version, image));
	}

	@PostMapping(path = "/detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Draw every face found on an uploaded photo (part 'image')")
	byte[] drawMultipart(@PathVariable String model, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) Integer version) throws IOException {
		return draw(this.service.locate(model, version, ImageParts.bytes(image, this.limits)));
	}

	private static byte[] draw(FaceService.Located located) {
		FaceDetections detections = located.detections();
		String[] labels = new String[detections.faces().size()];
		return FaceDrawing.png(located.photo(), detections.faces(), Arrays.asList(labels), false);
	}

}
