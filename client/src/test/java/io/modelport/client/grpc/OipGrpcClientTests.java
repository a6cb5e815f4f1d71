package io.modelport.client.grpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.ByteString;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.modelport.client.AccessDeniedException;
import io.modelport.client.InvalidRequestException;
import io.modelport.client.NotFoundException;
import io.modelport.client.ServerException;
import io.modelport.client.UnavailableException;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ModelMetadataResponse;
import io.modelport.oip.grpc.v2.ServerLiveRequest;
import io.modelport.oip.grpc.v2.ServerLiveResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gRPC client against a scripted {@code GRPCInferenceService} on 127.0.0.1: raw
 * tensors both ways, the key in the metadata, per-call deadlines, statuses as exceptions.
 *
 * @author Modelport Team
 */
class OipGrpcClientTests {

	private final List<String> keys = new CopyOnWriteArrayList<>();

	private Server server;

	@BeforeEach
	void start() throws IOException {
		ServerInterceptor keys = new ServerInterceptor() {

			@Override
			public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
					ServerCallHandler<Q, A> next) {
				OipGrpcClientTests.this.keys.add(String.valueOf(headers.get(OipGrpcClient.AUTHORIZATION)));
				return Contexts.interceptCall(io.grpc.Context.current(), call, headers, next);
			}

		};
		this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(ServerInterceptors.intercept(new Doubler(), keys))
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.server.shutdownNow();
	}

	@Test
	void sendsRawInputsAndReadsRawOutputsWithTheKeyInTheMetadata() {
		try (OipGrpcClient client = client("mp_grpc_key")) {
			assertThat(client.serverLive()).isTrue();
			ModelInferResponse answer = client.infer(
					RawTensors.fp32Request("doubler", "3", "input", List.of(1L, 3L), new float[] { 1.5f, -2f, 0.25f }));
			assertThat(answer.getModelVersion()).isEqualTo("3");
			assertThat(RawTensors.fp32(answer, "output")).containsExactly(3f, -4f, 0.5f);
			assertThat(this.keys).containsOnly("Bearer mp_grpc_key").hasSize(2);
		}
	}

	@Test
	void readsTypedContentsWhenTheServerSendsNoRawOnes() {
		try (OipGrpcClient client = client(null)) {
			ModelMetadataResponse metadata = client.modelMetadata("doubler", null);
			assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 3L);
			ModelInferResponse typed = ModelInferResponse.newBuilder()
				.addOutputs(ModelInferResponse.InferOutputTensor.newBuilder()
					.setName("output")
					.setDatatype("FP32")
					.setContents(io.modelport.oip.grpc.v2.InferTensorContents.newBuilder().addFp32Contents(7f)))
				.build();
			assertThat(RawTensors.fp32(typed, "output")).containsExactly(7f);
			assertThat(this.keys).containsOnly("null");
		}
	}

	@Test
	void aCallPastItsDeadlineFailsAsDeadlineExceeded() {
		try (OipGrpcClient client = client(null)) {
			long start = System.nanoTime();
			assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client.infer(
					RawTensors.fp32Request("slow", null, "input", List.of(1L, 1L), new float[] { 1 }),
					Duration.ofMillis(200)))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(504);
					assertThat(ex.title()).isEqualTo("DEADLINE_EXCEEDED");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	void statusesBecomeTheRestExceptions() {
		try (OipGrpcClient client = client(null)) {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.modelMetadata("nope", null))
				.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("model 'nope' does not exist"));
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> client
					.infer(RawTensors.fp32Request("doubler", null, "input", List.of(1L, 2L), new float[] { 1, 2 })))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> client
					.infer(RawTensors.fp32Request("busy", null, "input", List.of(1L, 1L), new float[] { 1 })))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(client::serverMetadata);
		}
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> RawTensors.fp32Request("m", null, "input", List.of(2L, 2L), new float[3]));
	}

	private OipGrpcClient client(String key) {
		return OipGrpcClient.builder().target("127.0.0.1", this.server.getPort()).apiKey(key).build();
	}

	// Doubles an FP32 [n, 3] input; "slow" never answers in time, "busy" is full, and
	// server metadata needs a key this test never has.
	private static final class Doubler extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

		@Override
		public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> answer) {
			answer.onNext(ServerLiveResponse.newBuilder().setLive(true).build());
			answer.onCompleted();
		}

		@Override
		public void serverMetadata(io.modelport.oip.grpc.v2.ServerMetadataRequest request,
				StreamObserver<io.modelport.oip.grpc.v2.ServerMetadataResponse> answer) {
			answer.onError(Status.PERMISSION_DENIED.withDescription("no key").asRuntimeException());
		}

		@Override
		public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> answer) {
			if (!request.getName().equals("doubler")) {
				answer.onError(Status.NOT_FOUND.withDescription("model '" + request.getName() + "' does not exist")
					.asRuntimeException());
				return;
			}
			answer.onNext(ModelMetadataResponse.newBuilder()
				.setName("doubler")
				.addInputs(ModelMetadataResponse.TensorMetadata.newBuilder()
					.setName("input")
					.setDatatype("FP32")
					.addAllShape(List.of(-1L, 3L)))
				.build());
			answer.onCompleted();
		}

		@Override
		public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> answer) {
			switch (request.getModelName()) {
				case "slow" -> {
					// Answers long after the client's deadline.
					return;
				}
				case "busy" -> {
					answer.onError(Status.RESOURCE_EXHAUSTED.withDescription("queue full").asRuntimeException());
					return;
				}
				default -> {
				}
			}
			ModelInferRequest.InferInputTensor input = request.getInputs(0);
			if (input.getShape(1) != 3) {
				answer.onError(Status.INVALID_ARGUMENT.withDescription("shape").asRuntimeException());
				return;
			}
			ByteBuffer in = request.getRawInputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
			ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
			while (in.hasRemaining()) {
				out.putFloat(in.getFloat() * 2);
			}
			answer.onNext(ModelInferResponse.newBuilder()
				.setModelName(request.getModelName())
				.setModelVersion(request.getModelVersion())
				.addOutputs(ModelInferResponse.InferOutputTensor.newBuilder()
					.setName("output")
					.setDatatype("FP32")
					.addAllShape(input.getShapeList()))
				.addRawOutputContents(ByteString.copyFrom(out.array()))
				.build());
			answer.onCompleted();
		}

	}

}
