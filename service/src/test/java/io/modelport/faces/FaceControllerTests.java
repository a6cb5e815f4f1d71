package io.modelport.faces;

import java.time.Duration;
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

import io.modelport.imaging.InvalidImageException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * Embed and verify in every input form, the threshold and version from the query or the
 * JSON body, and the errors that name the image at fault.
 *
 * @author Modelport Team
 */
@WebMvcTest(controllers = FaceController.class, properties = "modelport.api.max-request-size=2KB")
@Import(WebConfiguration.class)
class FaceControllerTests {

	private static final byte[] FIRST = { 1, 2, 3 };

	private static final byte[] SECOND = { 4, 5, 6 };

	private static final VerificationResponse SAME = new VerificationResponse("faces", 1, 0.2, 1.0, true);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private FaceService service;

	@Test
	void embedsARawMultipartOrJsonImage() {
		given(this.service.embed(eq("faces"), any(), eq(FIRST), any(), any()))
			.willReturn(new FaceEmbedding("faces", 1, 2, 3.5, List.of(0.6f, 0.8f)));
		assertThat(this.mvc.post().uri("/api/v1/models/faces/embed").contentType(MediaType.IMAGE_PNG).content(FIRST))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"dimension\":2,\"norm\":3.5,\"embedding\":[0.6,0.8]}");
		assertThat(this.mvc.post().uri("/api/v1/models/faces/embed?version=1").multipart().file("image", FIRST))
			.hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/embed")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":\"" + base64(FIRST) + "\",\"version\":2}")).hasStatusOk();
		then(this.service).should().embed("faces", 2, FIRST, FaceSelection.LARGEST, null);
	}

	@Test
	void verifiesTwoPartsWithTheQueryThreshold() {
		given(this.service.verify(eq("faces"), isNull(), eq(FIRST), eq(SECOND), eq(0.5), eq(FaceSelection.LARGEST),
				eq(Duration.ofSeconds(1))))
			.willReturn(SAME);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/verify?threshold=0.5")
			.multipart()
			.file("image1", FIRST)
			.file("image2", SECOND)
			.header("Request-Timeout", "1000")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"distance\":0.2,\"threshold\":1.0,\"match\":true}");
	}

	@Test
	void theJsonBodysThresholdAndVersionWinOverTheQuery() {
		given(this.service.verify(eq("faces"), eq(3), eq(FIRST), eq(SECOND), eq(0.7), eq(FaceSelection.ALL), isNull()))
			.willReturn(SAME);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/verify?threshold=0.5&version=1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image1\":\"" + base64(FIRST) + "\",\"image2\":\"" + base64(SECOND)
					+ "\",\"threshold\":0.7,\"version\":3,\"face\":\"all\"}"))
			.hasStatusOk();
	}

	@Test
	void aMissingPartOrBadBase64Is400NamingTheImage() {
		assertThat(this.mvc.post().uri("/api/v1/models/faces/verify").multipart().file("image1", FIRST))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/verify")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image1\":\"" + base64(FIRST) + "\",\"image2\":\"***\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("image2");
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void anUndecodableImageIs400AndATextBodyIsNotAFace() {
		given(this.service.embed(eq("faces"), any(), any(), any(), any()))
			.willThrow(new InvalidImageException("the data is not a PNG, JPEG, GIF, BMP or PGM image"));
		assertThat(this.mvc.post().uri("/api/v1/models/faces/embed").contentType(MediaType.IMAGE_PNG).content(FIRST))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:modelport:problem:invalid-image");
		assertThat(
				this.mvc.post().uri("/api/v1/models/faces/embed").contentType(MediaType.TEXT_PLAIN).content("a face"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void theFaceParameterSelectsLargestAllOrAnIndex() {
		given(this.service.embed(eq("faces"), any(), eq(FIRST), any(), any()))
			.willReturn(new FaceEmbedding("faces", 1, 2, 3.5, List.of(0.6f, 0.8f)));
		String uri = "/api/v1/models/faces/embed?face=";
		assertThat(this.mvc.post().uri(uri + "all").contentType(MediaType.IMAGE_PNG).content(FIRST)).hasStatusOk();
		assertThat(this.mvc.post().uri(uri + "2").multipart().file("image", FIRST)).hasStatusOk();
		assertThat(this.mvc.post().uri(uri + "largest").contentType(MediaType.IMAGE_PNG).content(FIRST)).hasStatusOk();
		then(this.service).should().embed("faces", null, FIRST, FaceSelection.ALL, null);
		then(this.service).should().embed("faces", null, FIRST, new FaceSelection(FaceSelection.Mode.INDEX, 2), null);
		then(this.service).should().embed("faces", null, FIRST, FaceSelection.LARGEST, null);
	}

	@Test
	void anUnknownFaceValueIs400NamingTheParameterBeforeAnyWork() {
		for (String bad : new String[] { "first", "-1", "1000", "ALL", "1.5", "" }) {
			assertThat(this.mvc.post()
				.uri("/api/v1/models/faces/embed?face=" + bad)
				.contentType(MediaType.IMAGE_PNG)
				.content(FIRST)).as(bad)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.detail")
				.asString()
				.startsWith("face must be");
		}
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/verify?face=everyone")
			.multipart()
			.file("image1", FIRST)
			.file("image2", SECOND)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/faces/embed")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":\"" + base64(FIRST) + "\",\"face\":\"biggest\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		then(this.service).shouldHaveNoInteractions();
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
