package io.modelport.seq2seq;

import java.time.Duration;
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
import io.modelport.registry.ModelNotReadyException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/**
 * The translate endpoint: the JSON request reaches the service as sent, one translation
 * is answered flat, a heat map comes back for {@code Accept: image/png} or
 * {@code render=attention}, and errors are problem+json.
 *
 * @author Modelport Team
 */
@WebMvcTest(TranslateController.class)
@Import(WebConfiguration.class)
class TranslateControllerTests {

	private static final Translation DATE = new Translation("3 Mar 2021", "2021-03-03", -0.01, -0.1, false, true, 0,
			List.of(new Translation.Alternative("2021-03-03", -0.01, true)), null, null, null);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Seq2SeqService service;

	@Test
	void oneTextIsTranslatedAndAnsweredFlat() {
		given(this.service.translate(eq("dates"), argThat(
				(request) -> "3 Mar 2021".equals(request.text()) && Integer.valueOf(5).equals(request.beamWidth())),
				isNull()))
			.willReturn(new TranslationResponse("dates", 1, DATE, null));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"3 Mar 2021\",\"beamWidth\":5}")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"model\":\"dates\",\"version\":1,\"input\":\"3 Mar 2021\",\"output\":\"2021-03-03\","
					+ "\"finished\":true,\"alternatives\":[{\"output\":\"2021-03-03\"}]}");
	}

	@Test
	void aHeatMapIsAnsweredForAcceptPngAndForRenderAttention() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		given(this.service.heatmap(eq("dates"), any(), eq(Duration.ofSeconds(2)))).willReturn(png);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.IMAGE_PNG)
			.header("Request-Timeout", "2000")
			.content("{\"text\":\"3 Mar 2021\"}")).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate?render=attention")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Request-Timeout", "2000")
			.content("{\"text\":\"3 Mar 2021\"}")).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
	}

	@Test
	void aRefusedRequestIs400AndALoadingModel503() {
		given(this.service.translate(eq("dates"), any(), any()))
			.willThrow(new InvalidRequestException("beamWidth must be between 1 and 16, was 40"));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"x\",\"beamWidth\":40}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("beamWidth must be between 1 and 16, was 40");
		given(this.service.translate(eq("ipa"), any(), any()))
			.willThrow(new ModelNotReadyException("still loading", Duration.ofSeconds(5)));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/ipa/translate")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"x\"}")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "5");
	}

	@Test
	void malformedJsonAndTextBodiesAreRefusedAsProblems() {
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.uri("/api/v1/models/dates/translate")
			.contentType(MediaType.TEXT_PLAIN)
			.content("3 Mar 2021")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
