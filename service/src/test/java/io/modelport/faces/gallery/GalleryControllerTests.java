package io.modelport.faces.gallery;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.modelport.faces.FaceSelection;
import io.modelport.faces.FaceService;
import io.modelport.faces.FaceView;
import io.modelport.faces.gallery.IdentifyResponse.Candidate;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;

/**
 * The gallery: enrolment from repeated parts or JSON, reads, deletion, identification in
 * three input forms, and the 404 and 409 answers.
 *
 * @author Modelport Team
 */
@WebMvcTest(GalleryController.class)
@Import(WebConfiguration.class)
class GalleryControllerTests {

	private static final byte[] FIRST = { 1, 2, 3 };

	private static final byte[] SECOND = { 4, 5, 6 };

	private static final IdentityView ALICE = new IdentityView("alice", 2, List.of(1), false, false,
			Instant.parse("2026-01-01T00:00:00Z"));

	@Autowired
	private MockMvcTester mvc;

	private static final FaceView FACE = new FaceView(0, new FaceView.Box(10, 20, 60, 60), 0.9, List.of());

	@MockitoBean
	private GalleryService service;

	@MockitoBean
	private FaceService faces;

	@Test
	void enrolsEveryRepeatedPartOrEveryJsonImage() {
		given(this.service.enrol(eq("faces"), eq("alice"), argThat((images) -> images.size() == 2), any(), any()))
			.willReturn(ALICE);
		assertThat(this.mvc.put()
			.uri("/api/v1/models/faces/gallery/alice")
			.multipart()
			.file("image", FIRST)
			.file("image", SECOND)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"identity\":\"alice\",\"faces\":2,\"versions\":[1],\"stale\":false}");
		String json = "{\"images\":[\"" + Base64.getEncoder().encodeToString(FIRST) + "\",\""
				+ Base64.getEncoder().encodeToString(SECOND) + "\"],\"version\":1}";
		assertThat(this.mvc.put()
			.uri("/api/v1/models/faces/gallery/alice")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).hasStatusOk();
		then(this.service).should().enrol(eq("faces"), eq("alice"), any(), eq(1), isNull());
	}

	@Test
	void jsonWithoutImagesIs400() {
		assertThat(this.mvc.put()
			.uri("/api/v1/models/faces/gallery/alice")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("images");
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void readsAndDeletes() {
		given(this.service.gallery("faces")).willReturn(new GalleryView("faces", 1, List.of(ALICE)));
		given(this.service.identity("faces", "alice")).willReturn(ALICE);
		assertThat(this.mvc.get().uri("/api/v1/models/faces/gallery")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.identities[0].identity")
			.isEqualTo("alice");
		assertThat(this.mvc.get().uri("/api/v1/models/faces/gallery/alice")).hasStatusOk();
		assertThat(this.mvc.delete().uri("/api/v1/models/faces/gallery/alice")).hasStatus(HttpStatus.NO_CONTENT);
		then(this.service).should().delete("faces", "alice");
	}

	@Test
	void identifiesInEveryInputForm() {
		IdentifyResponse found = new IdentifyResponse("faces", 1, "alice", 0.3, 1.0,
				List.of(new Candidate("alice", 0.3)), List.of());
		given(this.service.identifyFaces(eq("faces"), any(), eq(FIRST), any(), any(), any(), any()))
			.willReturn(List.of(new IdentifiedFace(FACE, found)));
		assertThat(this.mvc.post().uri("/api/v1/models/faces/identify?topK=3").multipart().file("image", FIRST))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"identity\":\"alice\",\"candidates\":[{\"identity\":\"alice\",\"distance\":0.3}]}");
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/identify?threshold=0.9")
			.contentType(MediaType.IMAGE_PNG)
			.content(FIRST)).hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/identify")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":\"" + Base64.getEncoder().encodeToString(FIRST) + "\",\"topK\":2}")).hasStatusOk();
		then(this.service).should().identifyFaces("faces", null, FIRST, 3, null, FaceSelection.LARGEST, null);
		then(this.service).should().identifyFaces("faces", null, FIRST, null, 0.9, FaceSelection.LARGEST, null);
		then(this.service).should().identifyFaces("faces", null, FIRST, 2, null, FaceSelection.LARGEST, null);
	}

	@Test
	void faceAllAnswersOneResultPerFace() {
		IdentifyResponse alice = new IdentifyResponse("faces", 2, "alice", 0.1, 0.5,
				List.of(new Candidate("alice", 0.1)), List.of());
		IdentifyResponse nobody = new IdentifyResponse("faces", 2, null, null, 0.5,
				List.of(new Candidate("alice", 0.9)), List.of());
		given(this.service.identifyFaces(eq("faces"), any(), eq(FIRST), any(), any(), eq(FaceSelection.ALL), any()))
			.willReturn(List.of(new IdentifiedFace(FACE, alice), new IdentifiedFace(FACE, nobody)));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/identify?face=all")
			.contentType(MediaType.IMAGE_PNG)
			.content(FIRST)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"version\":2,\"threshold\":0.5,\"faces\":[{\"identity\":\"alice\",\"distance\":0.1,"
					+ "\"face\":{\"index\":0,\"box\":{\"x\":10.0}}},{\"identity\":null}]}");
	}

	@Test
	void acceptImagePngDrawsEveryFaceWithItsName() throws Exception {
		IdentifyResponse alice = new IdentifyResponse("faces", 2, "alice", 0.1, 0.5, List.of(), List.of());
		given(this.service.identifyFaces(eq("faces"), any(), eq(FIRST), any(), any(), eq(FaceSelection.ALL), any()))
			.willReturn(List.of(new IdentifiedFace(FACE, alice)));
		given(this.faces.decode(FIRST))
			.willReturn(new java.awt.image.BufferedImage(120, 100, java.awt.image.BufferedImage.TYPE_INT_RGB));
		byte[] png = this.mvc.post()
			.uri("/api/v1/models/faces/identify")
			.contentType(MediaType.IMAGE_PNG)
			.accept(MediaType.IMAGE_PNG)
			.content(FIRST)
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
		assertThat(drawn.getWidth()).isEqualTo(120);
		// the box's top edge is drawn in the known-face colour
		assertThat(drawn.getRGB(30, 20) & 0xff00).isGreaterThan(0x8000);
	}

	@Test
	void aBadFaceValueIs400BeforeAnyWork() {
		assertThat(this.mvc.post().uri("/api/v1/models/faces/identify?face=two").multipart().file("image", FIRST))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("face must be");
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/identify")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":\"" + Base64.getEncoder().encodeToString(FIRST) + "\",\"face\":\"-3\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void anUnknownIdentityIs404AndAFullGallery409() {
		given(this.service.identity("faces", "bob")).willThrow(new IdentityNotFoundException("no identity 'bob'"));
		assertThat(this.mvc.get().uri("/api/v1/models/faces/gallery/bob")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:modelport:problem:not-found");
		willThrow(new GalleryConflictException("the gallery holds its 10 identities")).given(this.service)
			.enrol(eq("faces"), eq("carol"), any(), any(), any());
		assertThat(this.mvc.put().uri("/api/v1/models/faces/gallery/carol").multipart().file("image", FIRST))
			.hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
