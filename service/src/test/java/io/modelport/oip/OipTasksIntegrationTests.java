package io.modelport.oip;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;
import io.modelport.faces.FaceImagesFixture;
import io.modelport.oip.grpc.GrpcServer;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.InferTensorContents;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.seq2seq.TranslatorFixture;
import io.modelport.words.WordsFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Open Inference Protocol for the face embedder, word vectors and seq2seq, over REST
 * and gRPC: metadata describes the tensors, and each answer equals the task endpoint's.
 *
 * @author Modelport Team
 */
@IntegrationTest
class OipTasksIntegrationTests {

	private static final String WORDS = WordsFixture.TABLE;

	private static final String FACES = FaceImagesFixture.MODEL;

	private static final String TRANSLATOR = TranslatorFixture.MODEL;

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
	void metadataDescribesEachTask() {
		assertThat(LocalHttp.read(this.http.get("/v2/models/" + WORDS)).get("inputs").toString())
			.isEqualTo("[{\"name\":\"words\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
		JsonNode words = LocalHttp.read(this.http.get("/v2/models/" + WORDS)).get("outputs");
		assertThat(words.get(0).get("shape").get(1).asLong()).isEqualTo(
				LocalHttp.read(this.http.get("/api/v1/models/" + WORDS + "/words/king")).get("dimension").asLong());
		assertThat(words.get(1).toString())
			.isEqualTo("{\"name\":\"in_vocabulary\",\"datatype\":\"BOOL\",\"shape\":[-1]}");
		JsonNode faces = LocalHttp.read(this.http.get("/v2/models/" + FACES));
		assertThat(faces.get("inputs").get(0).get("name").asString()).isEqualTo("image");
		assertThat(faces.get("outputs").get(0).get("name").asString()).isEqualTo("embedding");
		JsonNode translator = LocalHttp.read(this.http.get("/v2/models/" + TRANSLATOR));
		assertThat(translator.get("inputs").toString())
			.isEqualTo("[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
		assertThat(translator.get("outputs").get(0).toString())
			.isEqualTo("{\"name\":\"output\",\"datatype\":\"BYTES\",\"shape\":[-1]}");
	}

	@Test
	void wordVectorsEqualTheWordsEndpoint() {
		JsonNode answer = infer(WORDS, "{\"inputs\":[{\"name\":\"words\",\"datatype\":\"BYTES\",\"shape\":[2],"
				+ "\"data\":[\"king\",\"queen\"]}]}");
		JsonNode vectors = answer.get("outputs").get(0);
		JsonNode king = LocalHttp.read(this.http.get("/api/v1/models/" + WORDS + "/words/king"));
		int dimension = king.get("dimension").asInt();
		assertThat(vectors.get("shape").toString()).isEqualTo("[2," + dimension + "]");
		for (int i = 0; i < dimension; i++) {
			assertThat(vectors.get("data").get(i).asDouble()).isCloseTo(king.get("vector").get(i).asDouble(),
					within(1e-6));
		}
		assertThat(answer.get("outputs").get(1).get("data").toString()).isEqualTo("[true,true]");
		ResponseEntity<String> unknown = this.http.post("/v2/models/" + WORDS + "/infer", MediaType.APPLICATION_JSON,
				"{\"inputs\":[{\"name\":\"words\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"zebra\"]}]}");
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(unknown).get("error").asString()).contains("zebra");
	}

	@Test
	void translationsEqualTheTranslateEndpointOverRestAndGrpc() throws InterruptedException {
		JsonNode expected = LocalHttp.read(this.http.post("/api/v1/models/" + TRANSLATOR + "/translate",
				MediaType.APPLICATION_JSON, Map.of("text", "3 mar 2021")));
		JsonNode answer = infer(TRANSLATOR, "{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],"
				+ "\"data\":[\"3 mar 2021\"]}]}");
		assertThat(answer.get("outputs").get(0).get("data").get(0).asString())
			.isEqualTo(expected.get("output").asString());
		assertThat(answer.get("outputs").get(1).get("data").get(0).asDouble())
			.isCloseTo(expected.get("score").asDouble(), within(1e-4));
		ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", this.grpc.port()).usePlaintext().build();
		try {
			ModelInferResponse grpcAnswer = GRPCInferenceServiceGrpc.newBlockingStub(channel)
				.withDeadlineAfter(60, TimeUnit.SECONDS)
				.modelInfer(ModelInferRequest.newBuilder()
					.setModelName(TRANSLATOR)
					.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
						.setName("text")
						.setDatatype("BYTES")
						.addShape(1)
						.setContents(InferTensorContents.newBuilder()
							.addBytesContents(ByteString.copyFromUtf8("3 mar 2021"))))
					.build());
			assertThat(grpcAnswer.getOutputs(0).getContents().getBytesContents(0).toStringUtf8())
				.isEqualTo(expected.get("output").asString());
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void faceEmbeddingsEqualTheEmbedEndpoint() {
		byte[] png = FaceImagesFixture.png("alice", 32, 32, 220);
		JsonNode expected = LocalHttp
			.read(this.http.post("/api/v1/models/" + FACES + "/embed", MediaType.IMAGE_PNG, png));
		JsonNode answer = infer(FACES, "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],"
				+ "\"data\":[\"" + Base64.getEncoder().encodeToString(png) + "\"]}]}");
		JsonNode embedding = answer.get("outputs").get(0);
		assertThat(embedding.get("shape").get(1).asInt()).isEqualTo(expected.get("dimension").asInt());
		for (int i = 0; i < expected.get("dimension").asInt(); i++) {
			assertThat(embedding.get("data").get(i).asDouble()).isCloseTo(expected.get("embedding").get(i).asDouble(),
					within(1e-5));
		}
		ResponseEntity<String> wrong = this.http.post("/v2/models/" + FACES + "/infer", MediaType.APPLICATION_JSON,
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}");
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(wrong).get("error").asString()).contains("the input must be 'image'");
	}

	private JsonNode infer(String model, String body) {
		ResponseEntity<String> response = this.http.post("/v2/models/" + model + "/infer", MediaType.APPLICATION_JSON,
				body);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return LocalHttp.read(response);
	}

}
