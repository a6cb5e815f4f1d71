package io.modelport.oip.grpc;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.modelport.oip.grpc.v2.InferTensorContents;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferRequest.InferInputTensor;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ModelMetadataResponse;
import io.modelport.oip.grpc.v2.ModelReadyRequest;
import io.modelport.oip.grpc.v2.ServerLiveRequest;
import io.modelport.oip.grpc.v2.ServerMetadataRequest;
import io.modelport.oip.grpc.v2.ServerReadyRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The Open Inference Protocol v2 over gRPC, called with grpc-java stubs generated from
 * the proto, against the running service and the tiny fixture classifier; answers are
 * compared with the REST endpoint's for the same pixels.
 *
 * @author Modelport Team
 */
@Tag("integration")
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "modelport.grpc.port=0")
class OipGrpcIntegrationTests {

	private static final Path STORE = Fixtures.tinyModelStore("modelport-grpc");

	@LocalServerPort
	private int httpPort;

	@Autowired
	private GrpcServer server;

	@Autowired
	private MeterRegistry meters;

	private ManagedChannel channel;

	private GRPCInferenceServiceBlockingStub stub;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
	}

	@BeforeEach
	void connect() {
		LocalHttp.ready(this.httpPort);
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.server.port()).usePlaintext().build();
		this.stub = GRPCInferenceServiceGrpc.newBlockingStub(this.channel).withDeadlineAfter(30, TimeUnit.SECONDS);
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void healthServerAndModelMetadata() {
		assertThat(this.stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
		assertThat(this.stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
		assertThat(this.stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName())
			.isEqualTo("modelport");
		assertThat(this.stub.modelReady(ModelReadyRequest.newBuilder().setName("tiny-fashion").build()).getReady())
			.isTrue();
		assertThat(this.stub.modelReady(ModelReadyRequest.newBuilder().setName("nope").build()).getReady()).isFalse();
		ModelMetadataResponse metadata = this.stub
			.modelMetadata(ModelMetadataRequest.newBuilder().setName("tiny-fashion").setVersion("1").build());
		assertThat(metadata.getVersionsList()).containsExactly("1");
		assertThat(metadata.getInputs(0).getName()).isEqualTo("input");
		assertThat(metadata.getInputs(0).getDatatype()).isEqualTo("FP32");
		assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 1L, 28L, 28L);
		assertThat(metadata.getOutputs(0).getShapeList()).containsExactly(-1L, 10L);
		assertThat(metadata.getOutputs(1).getDatatype()).isEqualTo("BYTES");
	}

	@Test
	void rawPixelsGiveTheSameAnswerAsRestJson() throws IOException {
		int[] pixels = pixels("trouser.png");
		ByteBuffer raw = ByteBuffer.allocate(pixels.length).order(ByteOrder.LITTLE_ENDIAN);
		for (int pixel : pixels) {
			raw.put((byte) pixel);
		}
		ModelInferResponse answer = this.stub.modelInfer(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.setId("g1")
			.addInputs(input("input", "UINT8", 1, 1, 28, 28))
			.addRawInputContents(ByteString.copyFrom(raw.array()))
			.build());
		assertThat(answer.getModelVersion()).isEqualTo("1");
		assertThat(answer.getId()).isEqualTo("g1");
		assertThat(answer.getOutputs(0).getShapeList()).containsExactly(1L, 10L);
		FloatArray probabilities = FloatArray.of(answer.getRawOutputContents(0));
		assertThat(bytesElements(answer.getRawOutputContents(1))).containsExactly("Trouser");
		List<Integer> data = new ArrayList<>();
		for (int pixel : pixels) {
			data.add(pixel);
		}
		JsonNode rest = LocalHttp.read(LocalHttp.ready(this.httpPort)
			.post("/v2/models/tiny-fashion/infer", MediaType.APPLICATION_JSON,
					"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"UINT8\",\"shape\":[1,1,28,28],\"data\":" + data
							+ "}]}"));
		for (int i = 0; i < 10; i++) {
			assertThat((double) probabilities.values()[i])
				.isCloseTo(rest.get("outputs").get(0).get("data").get(i).asDouble(), within(1e-6));
		}
		assertThat(this.meters.find("modelport.grpc.server.requests")
			.tag("method", "inference.GRPCInferenceService/ModelInfer")
			.tag("status", "OK")
			.timer()).isNotNull();
	}

	@Test
	void typedContentsAndRawImagesAreAccepted() {
		InferTensorContents.Builder contents = InferTensorContents.newBuilder();
		for (int i = 0; i < 2 * 784; i++) {
			contents.addFp32Contents(0.5f);
		}
		ModelInferResponse typed = this.stub.modelInfer(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.setModelVersion("1")
			.addInputs(input("input", "FP32", 2, 1, 28, 28).toBuilder().setContents(contents))
			.addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("probabilities"))
			.build());
		assertThat(typed.getRawOutputContentsCount()).isZero();
		assertThat(typed.getOutputsCount()).isEqualTo(1);
		assertThat(typed.getOutputs(0).getContents().getFp32ContentsCount()).isEqualTo(20);
		byte[] png = Fixtures.image("bag.png");
		ByteBuffer element = ByteBuffer.allocate(4 + png.length).order(ByteOrder.LITTLE_ENDIAN);
		element.putInt(png.length).put(png);
		ModelInferResponse image = this.stub.modelInfer(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.addInputs(input("image", "BYTES", 1))
			.addRawInputContents(ByteString.copyFrom(element.array()))
			.build());
		assertThat(bytesElements(image.getRawOutputContents(1))).containsExactly("Bag");
	}

	@Test
	void badCallsGetAClearStatus() {
		ByteString zeros = ByteString.copyFrom(new byte[784 * 4]);
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("nope")
			.addInputs(input("input", "FP32", 1, 1, 28, 28))
			.addRawInputContents(zeros), Status.Code.NOT_FOUND, "nope");
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.addInputs(input("input", "FP32", 1, 1, 28, 27))
			.addRawInputContents(zeros), Status.Code.INVALID_ARGUMENT, "hold 3136 bytes but FP32 shape");
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.addInputs(input("input", "FP32", 1, 28, 28, 1))
			.addRawInputContents(zeros), Status.Code.INVALID_ARGUMENT, "does not match [N, 1, 28, 28]");
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.addInputs(input("input", "FP64", 1, 1, 28, 14))
			.addRawInputContents(zeros), Status.Code.INVALID_ARGUMENT, "datatype FP64 is not accepted");
		assertStatus(
				ModelInferRequest.newBuilder()
					.setModelName("tiny-fashion")
					.addInputs(input("input", "FLOAT", 1, 1, 28, 28))
					.addRawInputContents(zeros),
				Status.Code.INVALID_ARGUMENT, "not an Open Inference Protocol datatype");
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.addInputs(input("input", "FP32", 1, 1, 28, 28))
			.addRawInputContents(zeros)
			.addRawInputContents(zeros), Status.Code.INVALID_ARGUMENT, "raw_input_contents has 2 entries");
		assertStatus(ModelInferRequest.newBuilder()
			.setModelName("tiny-fashion")
			.setModelVersion("x")
			.addInputs(input("input", "FP32", 1, 1, 28, 28)), Status.Code.INVALID_ARGUMENT, "not a positive");
		assertStatus(
				ModelInferRequest.newBuilder()
					.setModelName("tiny-fashion")
					.addInputs(input("image", "BYTES", 1))
					.addRawInputContents(ByteString.copyFrom(new byte[] { 9, 0, 0, 0, 1 })),
				Status.Code.INVALID_ARGUMENT, "announce an element of 9 bytes");
		MethodDescriptor<byte[], byte[]> rawInfer = GRPCInferenceServiceGrpc.getModelInferMethod()
			.toBuilder(new RawMarshaller(), new RawMarshaller())
			.build();
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> ClientCalls.blockingUnaryCall(this.channel, rawInfer,
					CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[] { (byte) 0xff, 1, 2 }))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("not a valid protobuf");
			});
		assertThat(this.stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
	}

	@Test
	void reflectionListsTheInferenceService() throws InterruptedException {
		List<String> services = new ArrayList<>();
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(this.channel)
			.serverReflectionInfo(new StreamObserver<>() {

				@Override
				public void onNext(ServerReflectionResponse response) {
					response.getListServicesResponse().getServiceList().forEach((s) -> services.add(s.getName()));
				}

				@Override
				public void onError(Throwable error) {
					done.countDown();
				}

				@Override
				public void onCompleted() {
					done.countDown();
				}

			});
		requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
		requests.onCompleted();
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(services).contains("inference.GRPCInferenceService");
	}

	private void assertStatus(ModelInferRequest.Builder request, Status.Code code, String message) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> this.stub.modelInfer(request.build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(code);
				assertThat(ex.getStatus().getDescription()).contains(message);
			});
	}

	static InferInputTensor input(String name, String datatype, long... shape) {
		InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
		for (long dimension : shape) {
			input.addShape(dimension);
		}
		return input.build();
	}

	static List<String> bytesElements(ByteString raw) {
		ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		List<String> elements = new ArrayList<>();
		while (buffer.hasRemaining()) {
			byte[] element = new byte[buffer.getInt()];
			buffer.get(element);
			elements.add(new String(element, java.nio.charset.StandardCharsets.UTF_8));
		}
		return elements;
	}

	private static int[] pixels(String name) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.image(name)));
		int[] pixels = new int[28 * 28];
		for (int y = 0; y < 28; y++) {
			for (int x = 0; x < 28; x++) {
				pixels[y * 28 + x] = image.getRaster().getSample(x, y, 0);
			}
		}
		return pixels;
	}

	record FloatArray(float[] values) {

		static FloatArray of(ByteString raw) {
			ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
			float[] values = new float[buffer.remaining() / 4];
			for (int i = 0; i < values.length; i++) {
				values[i] = buffer.getFloat();
			}
			return new FloatArray(values);
		}

	}

	static final class RawMarshaller implements MethodDescriptor.Marshaller<byte[]> {

		@Override
		public java.io.InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(java.io.InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
