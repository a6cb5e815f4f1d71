package io.modelport.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;
import io.modelport.oip.grpc.GrpcServer;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ModelReadyRequest;
import io.modelport.store.Checksums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * ONNX models through the real service: the ONNX export of the TorchScript fixture,
 * served by OnnxRuntime as a {@code format: onnx} version and as a DJL Serving folder,
 * answers what the PyTorch engine answers on the same images, over the classify endpoint
 * and the Open Inference Protocol (REST JSON and gRPC raw bytes); a broken ONNX file
 * fails only its own version.
 *
 * @author Modelport Team
 */
@IntegrationTest(store = OnnxModelsTests.Store.class)
class OnnxModelsTests {

	static final Path ONNX_VERSION = Path.of("src/test/resources/model-store-onnx/onnx-fashion/1");

	static final Path TORCH_FOLDER = Path.of("src/test/resources/djl-serving/torch-fashion");

	private static final String[] IMAGES = { "trouser.png", "bag.png", "sneaker.png", "shirt.png" };

	@LocalServerPort
	private int port;

	@Autowired
	private GrpcServer grpc;

	private LocalHttp http;

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void onnxVersionAndOnnxServingFolderClassifyLikeThePyTorchEngine() {
		for (String image : IMAGES) {
			Map<String, Double> torch = classify("torch-fashion", image);
			for (String model : new String[] { "onnx-fashion", "onnx-serving" }) {
				Map<String, Double> onnx = classify(model, image);
				assertThat(onnx.keySet()).as(model + " " + image).isEqualTo(torch.keySet());
				torch.forEach((label, probability) -> assertThat(onnx.get(label)).as(model + " " + image + " " + label)
					.isCloseTo(probability, within(1e-4)));
			}
		}
		JsonNode described = LocalHttp.read(this.http.get("/api/v1/models/onnx-serving"));
		assertThat(described.get("versions").get(0).get("state").asString()).isEqualTo("READY");
	}

	@Test
	void oipAnswersEqualThePyTorchEngine() {
		String body = oipBody();
		JsonNode torch = infer("torch-fashion", body);
		JsonNode onnx = infer("onnx-fashion", body);
		assertThat(onnx.get("model_version").asString()).isEqualTo("1");
		JsonNode expected = torch.get("outputs").get(0);
		JsonNode actual = onnx.get("outputs").get(0);
		assertThat(actual.get("shape").toString()).isEqualTo("[" + IMAGES.length + ",10]");
		for (int i = 0; i < IMAGES.length * 10; i++) {
			assertThat(actual.get("data").get(i).asDouble()).isCloseTo(expected.get("data").get(i).asDouble(),
					within(1e-4));
		}
		assertThat(onnx.get("outputs").get(1).get("data")).isEqualTo(torch.get("outputs").get(1).get("data"));
		JsonNode metadata = LocalHttp.read(this.http.get("/v2/models/onnx-fashion"));
		assertThat(metadata.get("inputs").get(0).get("shape").toString()).isEqualTo("[-1,1,28,28]");
	}

	@Test
	void grpcRawAnswersEqualThePyTorchEngine() throws InterruptedException {
		ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", this.grpc.port()).usePlaintext().build();
		try {
			GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc
				.newBlockingStub(channel);
			float[] torch = grpcProbabilities(stub, "torch-fashion");
			float[] onnx = grpcProbabilities(stub, "onnx-fashion");
			assertThat(onnx).hasSize(IMAGES.length * 10);
			for (int i = 0; i < torch.length; i++) {
				assertThat(onnx[i]).as("probability " + i).isCloseTo(torch[i], within(1e-4f));
			}
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void aFailedOnnxVersionIsUnavailableOverGrpcWhileOthersServe() throws InterruptedException {
		ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", this.grpc.port()).usePlaintext().build();
		try {
			GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc
				.newBlockingStub(channel)
				.withDeadlineAfter(60, TimeUnit.SECONDS);
			ModelInferRequest.Builder pixels = ModelInferRequest.newBuilder()
				.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
					.setName("input")
					.setDatatype("UINT8")
					.addShape(1)
					.addShape(1)
					.addShape(28)
					.addShape(28))
				.addRawInputContents(ByteString.copyFrom(new byte[28 * 28]));
			for (String[] failed : new String[][] { { "onnx-garbage", "" }, { "onnx-fashion", "2" } }) {
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> stub
						.modelInfer(pixels.clone().setModelName(failed[0]).setModelVersion(failed[1]).build()))
					.as(failed[0] + " " + failed[1])
					.satisfies((ex) -> {
						assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
						assertThat(ex.getStatus().getDescription()).contains(failed[0]);
					});
				assertThat(
						stub.modelReady(ModelReadyRequest.newBuilder().setName(failed[0]).setVersion(failed[1]).build())
							.getReady())
					.isFalse();
			}
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("onnx-nope").build()))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
			// Version 1 of the same model keeps answering.
			ModelInferResponse answer = stub.modelInfer(pixels.clone().setModelName("onnx-fashion").build());
			assertThat(answer.getModelVersion()).isEqualTo("1");
			assertThat(answer.getRawOutputContents(0).size()).isEqualTo(10 * 4);
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private static float[] grpcProbabilities(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub,
			String model) {
		ModelInferRequest.Builder request = ModelInferRequest.newBuilder()
			.setModelName(model)
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName("image")
				.setDatatype("BYTES")
				.addShape(IMAGES.length));
		ByteBuffer images = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
		for (String image : IMAGES) {
			byte[] png = Fixtures.image(image);
			images.putInt(png.length).put(png);
		}
		request.addRawInputContents(ByteString.copyFrom(images.array(), 0, images.position()));
		ModelInferResponse answer = stub.modelInfer(request.build());
		FloatBuffer raw = answer.getRawOutputContents(0)
			.asReadOnlyByteBuffer()
			.order(ByteOrder.LITTLE_ENDIAN)
			.asFloatBuffer();
		float[] probabilities = new float[raw.remaining()];
		raw.get(probabilities);
		return probabilities;
	}

	@Test
	void aTruncatedOnnxFileFailsOnlyItsVersion() {
		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/onnx-fashion"));
		JsonNode broken = null;
		for (JsonNode version : model.get("versions")) {
			if (version.get("version").asInt() == 2) {
				broken = version;
			}
		}
		assertThat(broken).isNotNull();
		assertThat(broken.get("state").asString()).isEqualTo("FAILED");
		assertThat(broken.get("failureReason").asString()).contains("onnx-fashion.onnx");
		JsonNode garbage = LocalHttp.read(this.http.get("/api/v1/models/onnx-garbage")).get("versions").get(0);
		assertThat(garbage.get("state").asString()).isEqualTo("FAILED");
		assertThat(garbage.get("failureReason").asString()).startsWith("cannot load onnx-garbage.onnx: ");
		ResponseEntity<String> refused = this.http.post("/api/v1/models/onnx-garbage/classify",
				MediaType.APPLICATION_JSON, Map.of("image", base64("bag.png")));
		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		// Version 1 of the same model and the other models keep serving.
		assertThat(classify("onnx-fashion", "trouser.png")).containsKey("Trouser");
		assertThat(this.http.get("/v2/models/onnx-fashion/versions/1/ready").getStatusCode().value()).isEqualTo(200);
	}

	private Map<String, Double> classify(String model, String image) {
		ResponseEntity<String> response = this.http.post("/api/v1/models/" + model + "/classify",
				MediaType.APPLICATION_JSON, Map.of("image", base64(image), "topK", 10));
		assertThat(response.getStatusCode().value()).as(model + ": " + response.getBody()).isEqualTo(200);
		Map<String, Double> probabilities = new HashMap<>();
		for (JsonNode prediction : LocalHttp.read(response).get("predictions")) {
			probabilities.put(prediction.get("label").asString(), prediction.get("probability").asDouble());
		}
		return probabilities;
	}

	private JsonNode infer(String model, String body) {
		ResponseEntity<String> response = this.http.post("/v2/models/" + model + "/infer", MediaType.APPLICATION_JSON,
				body);
		assertThat(response.getStatusCode().value()).as(model + ": " + response.getBody()).isEqualTo(200);
		return LocalHttp.read(response);
	}

	private static String oipBody() {
		StringBuilder data = new StringBuilder();
		for (String image : IMAGES) {
			data.append((data.length() > 0) ? "," : "").append('"').append(base64(image)).append('"');
		}
		return "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[" + IMAGES.length + "],\"data\":["
				+ data + "]}]}";
	}

	private static String base64(String image) {
		return Base64.getEncoder().encodeToString(Fixtures.image(image));
	}

	private static Path store() {
		try {
			Path store = Files.createTempDirectory("onnx-store");
			Fixtures.copyTree(TORCH_FOLDER, store.resolve("torch-fashion"));
			Path onnx = ONNX_VERSION.resolve("onnx-fashion.onnx");
			Fixtures.copyTree(ONNX_VERSION, store.resolve("onnx-fashion/1"));
			Files.writeString(store.resolve("onnx-fashion/model.yaml"), "defaultVersion: 1\n");
			// Version 2: the same descriptor over the first half of the file, with a
			// matching checksum, so the failure is OnnxRuntime's and not the checksum's.
			Path truncated = store.resolve("onnx-fashion/2");
			Fixtures.copyTree(ONNX_VERSION, truncated);
			byte[] bytes = Files.readAllBytes(onnx);
			Files.write(truncated.resolve("onnx-fashion.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
			rewriteDescriptor(truncated, 2);
			// A DJL Serving folder: serving.properties with engine=OnnxRuntime.
			Path serving = store.resolve("onnx-serving");
			Files.createDirectories(serving);
			Files.copy(onnx, serving.resolve("onnx-serving.onnx"));
			Files.copy(TORCH_FOLDER.resolve("synset.txt"), serving.resolve("synset.txt"));
			Files.writeString(serving.resolve("serving.properties"),
					Files.readString(TORCH_FOLDER.resolve("serving.properties"))
						.replace("engine=PyTorch", "engine=OnnxRuntime"));
			// Garbage bytes under an ONNX name, in a DJL Serving folder.
			Path garbage = store.resolve("onnx-garbage");
			Files.createDirectories(garbage);
			Files.write(garbage.resolve("onnx-garbage.onnx"), "not an onnx graph".repeat(40).getBytes());
			Files.copy(TORCH_FOLDER.resolve("synset.txt"), garbage.resolve("synset.txt"));
			Files.writeString(garbage.resolve("serving.properties"),
					"engine=OnnxRuntime\nwidth=28\nheight=28\n" + "flag=grayscale\n");
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rewriteDescriptor(Path version, int number) throws IOException {
		Path descriptor = version.resolve("descriptor.yaml");
		String sha = Checksums.sha256(version.resolve("onnx-fashion.onnx"));
		Files.writeString(descriptor,
				Files.readString(descriptor)
					.replaceFirst("(?m)^version: \\d+$", "version: " + number)
					.replaceFirst("(?m)sha256: \\w+", "sha256: " + sha));
	}

	// Builds the store once per test JVM.
	static final class Store implements Supplier<Path> {

		@Override
		public Path get() {
			return store();
		}

	}

}
