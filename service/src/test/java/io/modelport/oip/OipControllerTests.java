package io.modelport.oip;

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

import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.ServerMetadata;
import io.modelport.oip.OipTypes.TensorMetadata;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.QueueFullException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/**
 * The Open Inference Protocol endpoints: health, metadata and inference reach the service
 * with the version from the path, and every error is the protocol's {@code {"error"}}
 * body with the task API's statuses, never problem+json.
 *
 * @author Modelport Team
 */
@WebMvcTest(OipController.class)
@Import({ WebConfiguration.class, OipBinary.class })
class OipControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private OipService service;

	@Test
	void healthAnswersWithoutABody() {
		given(this.service.serverReady()).willReturn(false);
		given(this.service.ready("shirts", 2)).willReturn(true);
		given(this.service.server()).willReturn(new ServerMetadata("modelport", "dev", List.of("binary_tensor_data")));
		assertThat(this.mvc.get().uri("/v2/health/live")).hasStatusOk();
		assertThat(this.mvc.get().uri("/v2/health/ready")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/v2/models/shirts/versions/2/ready")).hasStatusOk();
		assertThat(this.mvc.get().uri("/v2/models/shirts/ready")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/v2")).hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("modelport");
	}

	@Test
	void metadataOfTheDefaultOrANamedVersion() {
		ModelMetadata metadata = new ModelMetadata("shirts", List.of("1"), "pytorch_djl",
				List.of(new TensorMetadata("input", "FP32", List.of(-1L, 1L, 28L, 28L))),
				List.of(new TensorMetadata("probabilities", "FP32", List.of(-1L, 10L))));
		given(this.service.metadata("shirts", null)).willReturn(metadata);
		given(this.service.metadata("shirts", 1)).willReturn(metadata);
		assertThat(this.mvc.get().uri("/v2/models/shirts")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"name\":\"shirts\",\"inputs\":[{\"shape\":[-1,1,28,28]}]}");
		assertThat(this.mvc.get().uri("/v2/models/shirts/versions/1")).hasStatusOk();
	}

	@Test
	void infersWithTheRequestAsSentAndAnswersSnakeCaseNames() {
		given(this.service.infer(eq("shirts"), eq(1),
				argThat((request) -> "r1".equals(request.id()) && request.inputs().get(0).name().equals("image")),
				eq(Duration.ofSeconds(3))))
			.willReturn(new InferResponse("shirts", "1", "r1",
					List.of(new OutputTensor("label", "BYTES", List.of(1L), List.of("Trouser")))));
		assertThat(this.mvc.post()
			.uri("/v2/models/shirts/versions/1/infer")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Request-Timeout", "3000")
			.content("{\"id\":\"r1\",\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],"
					+ "\"data\":[\"aGk=\"]}]}"))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"model_name\":\"shirts\",\"model_version\":\"1\",\"id\":\"r1\","
					+ "\"outputs\":[{\"name\":\"label\",\"data\":[\"Trouser\"]}]}");
	}

	@Test
	void errorsAreTheProtocolsErrorBody() {
		given(this.service.metadata("nope", null)).willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(this.mvc.get().uri("/v2/models/nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isLenientlyEqualTo("{\"error\":\"model 'nope' does not exist\"}");
		assertThat(this.mvc.post()
			.uri("/v2/models/shirts/infer")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\":")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("not valid JSON");
		given(this.service.infer(eq("busy"), isNull(), any(), any()))
			.willThrow(new QueueFullException("full", Duration.ofSeconds(4)));
		assertThat(this.mvc.post().uri("/v2/models/busy/infer").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "4");
		given(this.service.infer(eq("loading"), isNull(), any(), any()))
			.willThrow(new ModelNotReadyException("still loading", Duration.ofSeconds(5)));
		assertThat(
				this.mvc.post().uri("/v2/models/loading/infer").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "5");
	}

}
