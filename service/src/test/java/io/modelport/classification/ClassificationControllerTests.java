package io.modelport.classification;

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

import io.modelport.core.InvalidRequestException;
import io.modelport.imaging.InvalidImageException;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.QueueFullException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The classify endpoint's input forms and every error path, as problem+json.
 *
 * @author Modelport Team
 */
@WebMvcTest(controllers = ClassificationController.class, properties = "modelport.api.max-request-size=2KB")
@Import(WebConfiguration.class)
class ClassificationControllerTests {

	private static final byte[] IMAGE = { 1, 2, 3 };

	private static final ClassificationResponse ANSWER = new ClassificationResponse("shirts", 2,
			List.of(new Prediction("Trouser", 0.9)), new OutOfDomain(0.9, 0.33, 0.14, 0.5, null));

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ClassificationService service;

	@Test
	void classifiesAMultipartImage() {
		given(this.service.classify(eq("shirts"), eq(2), eq(IMAGE), eq(3), any())).willReturn(ANSWER);
		assertThat(
				this.mvc.post().uri("/api/v1/models/shirts/classify?topK=3&version=2").multipart().file("image", IMAGE))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"model\":\"shirts\",\"version\":2,\"predictions\":[{\"label\":\"Trouser\"}]}");
	}

	@Test
	void classifiesARawBody() {
		given(this.service.classify(eq("shirts"), isNull(), eq(IMAGE), isNull(), isNull())).willReturn(ANSWER);
		assertThat(
				this.mvc.post().uri("/api/v1/models/shirts/classify").contentType(MediaType.IMAGE_PNG).content(IMAGE))
			.hasStatusOk();
	}

	@Test
	void classifiesBase64Json() {
		given(this.service.classify(eq("shirts"), eq(1), eq(IMAGE), eq(2), any())).willReturn(ANSWER);
		String json = "{\"image\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(IMAGE)
				+ "\",\"topK\":2,\"version\":1}";
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).hasStatusOk();
		then(this.service).should().classify(eq("shirts"), eq(1), eq(IMAGE), eq(2), any());
	}

	@Test
	void invalidBase64Is400() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":\"***\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:modelport:problem:invalid-request");
	}

	@Test
	void malformedJsonIs400() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"image\":")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownModelIs404() {
		given(this.service.classify(eq("nope"), any(), any(), any(), any()))
			.willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(raw("nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo(
					"{\"status\":404,\"title\":\"Model not found\",\"detail\":\"model 'nope' does not exist\","
							+ "\"type\":\"urn:modelport:problem:model-not-found\"}");
	}

	@Test
	void modelNotReadyIs503WithRetryAfter() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), any()))
			.willThrow(new ModelNotReadyException("still loading", Duration.ofSeconds(5)));
		assertThat(raw("shirts")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "5")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void fullQueueIs429WithRetryAfter() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), any()))
			.willThrow(new QueueFullException("full", Duration.ofSeconds(3)));
		assertThat(raw("shirts")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "3")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void passedDeadlineIs504AndTheHeaderIsHonoured() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), eq(Duration.ofMillis(50))))
			.willThrow(new DeadlineExceededException("late"));
		assertThat(raw("shirts").header("Request-Timeout", "50")).hasStatus(HttpStatus.GATEWAY_TIMEOUT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(raw("shirts").header("Request-Timeout", "0")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void undecodableImageIs400() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), any()))
			.willThrow(new InvalidImageException("the data is not a PNG, JPEG, GIF or BMP image"));
		assertThat(raw("shirts")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("the data is not a PNG, JPEG, GIF or BMP image");
	}

	@Test
	void badParameterIs400() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), any()))
			.willThrow(new InvalidRequestException("topK must be between 1 and 1000, was 0"));
		assertThat(raw("shirts")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void nonNumericTopKIs400() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify?topK=many")
			.contentType(MediaType.IMAGE_PNG)
			.content(IMAGE)).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void missingImagePartIs400() {
		assertThat(this.mvc.post().uri("/api/v1/models/shirts/classify").multipart().file("picture", IMAGE))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unsupportedMediaTypeIs415() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify")
			.contentType(MediaType.TEXT_PLAIN)
			.content("hello")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void bodyOverTheLimitIs413() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/shirts/classify")
			.contentType(MediaType.IMAGE_PNG)
			.content(new byte[4096])).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:modelport:problem:payload-too-large");
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void unexpectedErrorIs500WithoutInternals() {
		given(this.service.classify(eq("shirts"), any(), any(), any(), any()))
			.willThrow(new IllegalStateException("secret at /opt/modelport/internal"));
		assertThat(raw("shirts")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyText()
			.doesNotContain("secret")
			.doesNotContain("/opt/")
			.doesNotContain("at io.modelport")
			.contains("errorId");
	}

	private MockMvcTester.MockMvcRequestBuilder raw(String model) {
		return this.mvc.post()
			.uri("/api/v1/models/" + model + "/classify")
			.contentType(MediaType.IMAGE_PNG)
			.content(IMAGE);
	}

}
