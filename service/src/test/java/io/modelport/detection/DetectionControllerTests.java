package io.modelport.detection;

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

import io.modelport.detection.DetectionResponse.DetectedObject;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The detect endpoint's three input forms, how query and JSON options reach the service,
 * the rendered PNG, and its errors as problem+json.
 *
 * @author Modelport Team
 */
@WebMvcTest(controllers = DetectionController.class, properties = "modelport.api.max-request-size=2KB")
@Import(WebConfiguration.class)
class DetectionControllerTests {

	private static final byte[] IMAGE = { 1, 2, 3 };

	private static final DetectionResponse ANSWER = new DetectionResponse("scenes", 1, 64, 32,
			List.of(new DetectedObject("Bag", 0.9f, new BoundingBox(1, 2, 30, 20))),
			new DetectionResponse.Signals(0.25f, false, null));

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private DetectionService service;

	@Test
	void detectsInARawBodyWithTheQueryOptions() {
		DetectionOptions options = new DetectionOptions(0.4f, 0.3f, 5, List.of("Bag", "Coat"));
		given(this.service.detect(eq("scenes"), eq(1), eq(IMAGE), eq(options), isNull())).willReturn(ANSWER);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect?scoreThreshold=0.4&iouThreshold=0.3&maxDetections=5"
					+ "&classes=Bag&classes=Coat&version=1")
			.contentType(MediaType.IMAGE_PNG)
			.content(IMAGE)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"model\":\"scenes\",\"imageWidth\":64,\"detections\":[{\"label\":\"Bag\","
					+ "\"box\":{\"x\":1.0,\"y\":2.0,\"width\":30.0,\"height\":20.0}}]}");
	}

	@Test
	void detectsInAMultipartImageAndInBase64Json() {
		given(this.service.detect(eq("scenes"), any(), eq(IMAGE), any(), any())).willReturn(ANSWER);
		assertThat(this.mvc.post().uri("/api/v1/models/scenes/detect").multipart().file("image", IMAGE)).hasStatusOk();
		String json = "{\"image\":\"" + Base64.getEncoder().encodeToString(IMAGE)
				+ "\",\"scoreThreshold\":0.2,\"classes\":[\"Bag\"],\"version\":3}";
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).hasStatusOk();
		then(this.service).should()
			.detect(eq("scenes"), eq(3), eq(IMAGE), eq(new DetectionOptions(0.2f, null, null, List.of("Bag"))),
					isNull());
	}

	@Test
	void acceptingPngOrAskingToRenderAnswersTheDrawnImage() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		given(this.service.render(eq("scenes"), any(), eq(IMAGE), any(), eq(Duration.ofMillis(900)))).willReturn(png);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect")
			.contentType(MediaType.IMAGE_PNG)
			.accept(MediaType.IMAGE_PNG)
			.header("Request-Timeout", "900")
			.content(IMAGE)).hasStatusOk().hasContentType(MediaType.IMAGE_PNG).body().isEqualTo(png);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect?render=true")
			.contentType(MediaType.IMAGE_PNG)
			.header("Request-Timeout", "900")
			.content(IMAGE)).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
	}

	@Test
	void anOptionOutOfRangeIs400NamingItAndNeverReachesTheService() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect?scoreThreshold=1.5")
			.contentType(MediaType.IMAGE_PNG)
			.content(IMAGE)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("scoreThreshold");
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect?maxDetections=10001")
			.contentType(MediaType.IMAGE_PNG)
			.content(IMAGE)).hasStatus(HttpStatus.BAD_REQUEST);
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void unknownModelIs404AndAnOversizedBodyIs413() {
		given(this.service.detect(eq("nope"), any(), any(), any(), any()))
			.willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(this.mvc.post().uri("/api/v1/models/nope/detect").contentType(MediaType.IMAGE_PNG).content(IMAGE))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:modelport:problem:model-not-found");
		assertThat(this.mvc.post()
			.uri("/api/v1/models/scenes/detect")
			.contentType(MediaType.IMAGE_PNG)
			.content(new byte[4096])).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

}
