package io.modelport.client.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.modelport.client.InvalidRequestException;
import io.modelport.client.LiveService;
import io.modelport.client.NotFoundException;
import io.modelport.client.Oip;
import io.modelport.client.ServerException;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gRPC client against the real service's OIP gRPC server, on the port the test gave
 * it. The gRPC server lives in the service module; a service jar built without it (a
 * branch before it) skips these tests, saying why.
 *
 * @author Modelport Team
 */
@Tag("integration")
class OipGrpcIntegrationTests {

	private static LiveService service;

	@BeforeAll
	static void start() {
		service = LiveService.get();
		assumeTrue(service.servesGrpc(), "the service jar has no gRPC server (io.modelport.oip.grpc.GrpcServer)");
	}

	@Test
	void answersHealthAndMetadata() {
		try (OipGrpcClient grpc = client()) {
			assertThat(grpc.serverLive()).isTrue();
			assertThat(grpc.serverReady()).isTrue();
			assertThat(grpc.modelReady("fashion-mnist", null)).isTrue();
			assertThat(grpc.serverMetadata().getName()).isEqualTo("modelport");
			ModelMetadataResponse metadata = grpc.modelMetadata("fashion-mnist", "2");
			assertThat(metadata.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
				.contains("input");
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> grpc.modelMetadata("no-such", null));
		}
	}

	@Test
	void rawInferenceEqualsTheRestAnswer() {
		float[] pixels = new float[28 * 28];
		Random random = new Random(3);
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = random.nextFloat();
		}
		List<Long> shape = List.of(1L, 1L, 28L, 28L);
		try (OipGrpcClient grpc = client()) {
			ModelInferResponse answer = grpc.infer(RawTensors.fp32Request("fashion-mnist", "2", "input", shape, pixels),
					Duration.ofSeconds(60));
			float[] overGrpc = RawTensors.fp32(answer, "probabilities");
			float[] overRest = service.client()
				.oip()
				.infer("fashion-mnist", 2, Oip.InferRequest.of(Oip.InferInput.fp32("input", shape, pixels)))
				.output("probabilities")
				.floats();
			assertThat(overGrpc).hasSize(10);
			for (int i = 0; i < overRest.length; i++) {
				assertThat(overGrpc[i]).isCloseTo(overRest[i], within(1e-5f));
			}
		}
	}

	@Test
	void badInputsAndDeadlinesAreStatuses() {
		try (OipGrpcClient grpc = client()) {
			ModelInferRequest good = RawTensors.fp32Request("fashion-mnist", null, "input", List.of(1L, 1L, 28L, 28L),
					new float[28 * 28]);
			// The raw bytes hold 10 values for a shape of 784.
			ModelInferRequest shortBytes = good.toBuilder()
				.setRawInputContents(0, com.google.protobuf.ByteString.copyFrom(new byte[40]))
				.build();
			assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> grpc.infer(shortBytes));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> grpc.infer(good.toBuilder().setModelName("no-such").build()));
			assertThatExceptionOfType(ServerException.class).isThrownBy(() -> grpc.infer(good, Duration.ofNanos(1)))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(504));
		}
	}

	private static OipGrpcClient client() {
		return OipGrpcClient.builder().target("127.0.0.1", service.grpcPort()).build();
	}

}
