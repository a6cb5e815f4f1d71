package io.modelport.oip;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Open Inference Protocol v2 endpoints over HTTP, with the tiny fixture classifier.
 *
 * @author Modelport Team
 */
@IntegrationTest
class OipIntegrationTests {

	private final LocalHttp http;

	OipIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void serverAndModelMetadataAndHealth() {
		assertThat(LocalHttp.read(this.http.get("/v2")).get("name").asString()).isEqualTo("modelport");
		assertThat(this.http.get("/v2/health/live").getStatusCode().value()).isEqualTo(200);
		assertThat(this.http.get("/v2/health/ready").getStatusCode().value()).isEqualTo(200);
		assertThat(this.http.get("/v2/models/tiny-fashion/ready").getStatusCode().value()).isEqualTo(200);
		assertThat(this.http.get("/v2/models/tiny-fashion/versions/1/ready").getStatusCode().value()).isEqualTo(200);
		assertThat(this.http.get("/v2/models/nope/ready").getStatusCode().value()).isEqualTo(400);
		JsonNode metadata = LocalHttp.read(this.http.get("/v2/models/tiny-fashion"));
		assertThat(metadata.get("versions").get(0).asString()).isEqualTo("1");
		assertThat(metadata.get("inputs").get(0).toString())
			.isEqualTo("{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,1,28,28]}");
		assertThat(metadata.get("outputs").get(0).get("shape").toString()).isEqualTo("[-1,10]");
		ResponseEntity<String> missing = this.http.get("/v2/models/nope");
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(LocalHttp.read(missing).get("error").asString()).contains("nope");
	}

	@Test
	void infersFromEncodedImages() {
		String png = Base64.getEncoder().encodeToString(Fixtures.image("trouser.png"));
		String bag = Base64.getEncoder().encodeToString(Fixtures.image("bag.png"));
		JsonNode answer = infer("/v2/models/tiny-fashion/infer", """
				{"id": "r1", "inputs": [{"name": "image", "datatype": "BYTES", "shape": [2], "data": ["%s", "%s"]}]}"""
			.formatted(png, bag), 200);
		assertThat(answer.get("model_name").asString()).isEqualTo("tiny-fashion");
		assertThat(answer.get("model_version").asString()).isEqualTo("1");
		assertThat(answer.get("id").asString()).isEqualTo("r1");
		JsonNode probabilities = answer.get("outputs").get(0);
		assertThat(probabilities.get("shape").toString()).isEqualTo("[2,10]");
		double sum = 0;
		for (int i = 0; i < 10; i++) {
			sum += probabilities.get("data").get(i).asDouble();
		}
		assertThat(sum).isCloseTo(1.0, within(1e-4));
		assertThat(answer.get("outputs").get(1).get("data").toString()).isEqualTo("[\"Trouser\",\"Bag\"]");
	}

	@Test
	void infersFromNestedRawPixelsAndReturnsOnlyRequestedOutputs() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.image("trouser.png")));
		List<List<Integer>> rows = new ArrayList<>();
		for (int y = 0; y < 28; y++) {
			List<Integer> row = new ArrayList<>();
			for (int x = 0; x < 28; x++) {
				row.add(image.getRaster().getSample(x, y, 0));
			}
			rows.add(row);
		}
		JsonNode answer = infer("/v2/models/tiny-fashion/versions/1/infer", """
				{"inputs": [{"name": "input", "datatype": "UINT8", "shape": [1, 1, 28, 28], "data": [[%s]]}],
				 "outputs": [{"name": "label"}]}""".formatted(rows), 200);
		assertThat(answer.get("outputs")).hasSize(1);
		assertThat(answer.get("outputs").get(0).get("data").get(0).asString()).isEqualTo("Trouser");
	}

	@Test
	void errorsAreJsonWithAnErrorField() {
		String zeros = "0,".repeat(783) + "0";
		assertError("/v2/models/tiny-fashion/infer",
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,1,28,27],\"data\":[" + zeros
						+ "]}]}",
				400, "holds 756 elements but data has 784");
		assertError("/v2/models/tiny-fashion/infer",
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,28,28,1],\"data\":[" + zeros
						+ "]}]}",
				400, "does not match [N, 1, 28, 28]");
		assertError("/v2/models/tiny-fashion/infer",
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"BOOL\",\"shape\":[1],\"data\":[true]}]}", 400,
				"datatype BOOL is not accepted");
		assertError(
				"/v2/models/tiny-fashion/infer", "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\","
						+ "\"shape\":[1,1,28,28],\"data\":[" + zeros + "]}],\"outputs\":[{\"name\":\"logits\"}]}",
				400, "unknown output 'logits'");
		assertError("/v2/models/tiny-fashion/infer",
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"UINT8\",\"shape\":[1,1,28,28],\"data\":["
						+ "\"x\",".repeat(783) + "\"x\"]}]}",
				400, "finite numbers");
		assertError("/v2/models/tiny-fashion/infer",
				"{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"bm90IGFuIGltYWdl\"]}]}",
				400, "not a PNG");
		assertError("/v2/models/tiny-fashion/infer", "{\"inputs\": [", 400, "not valid JSON");
		assertError("/v2/models/tiny-fashion/infer", "{\"inputs\": []}", 400, "exactly one input");
		assertError("/v2/models/tiny-fashion/versions/9/infer", "{\"inputs\": []}", 404, "no version 9");
		assertError("/v2/models/nope/infer", "{\"inputs\": []}", 404, "does not exist");
	}

	@Test
	void binaryTensorsInAndOut() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.image("trouser.png")));
		byte[] pixels = new byte[784];
		for (int i = 0; i < 784; i++) {
			pixels[i] = (byte) image.getRaster().getSample(i % 28, i / 28, 0);
		}
		byte[] header = """
				{"id": "b1", "inputs": [{"name": "input", "datatype": "UINT8", "shape": [1, 1, 28, 28],
				  "parameters": {"binary_data_size": 784}}],
				 "outputs": [{"name": "probabilities", "parameters": {"binary_data": true}}, {"name": "label"}]}"""
			.getBytes(StandardCharsets.UTF_8);
		ResponseEntity<byte[]> response = binary(header, pixels, header.length);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		int length = Integer.parseInt(response.getHeaders().getFirst("Inference-Header-Content-Length"));
		byte[] body = response.getBody();
		JsonNode answer = JsonMapper.builder().build().readTree(new String(body, 0, length, StandardCharsets.UTF_8));
		assertThat(answer.get("id").asString()).isEqualTo("b1");
		assertThat(answer.get("outputs").get(0).get("parameters").get("binary_data_size").asInt()).isEqualTo(40);
		assertThat(answer.get("outputs").get(1).get("data").get(0).asString()).isEqualTo("Trouser");
		assertThat(body.length).isEqualTo(length + 40);
		ByteBuffer probabilities = ByteBuffer.wrap(body, length, 40).order(ByteOrder.LITTLE_ENDIAN);
		double sum = 0;
		for (int i = 0; i < 10; i++) {
			sum += probabilities.getFloat();
		}
		assertThat(sum).isCloseTo(1.0, within(1e-4));
		ResponseEntity<byte[]> short784 = binary(header, Arrays.copyOf(pixels, 700), header.length);
		assertThat(short784.getStatusCode().value()).isEqualTo(400);
		assertThat(new String(short784.getBody(), StandardCharsets.UTF_8)).contains("binary_data_size 784");
		ResponseEntity<byte[]> badLength = binary(header, pixels, header.length + 5000);
		assertThat(badLength.getStatusCode().value()).isEqualTo(400);
		assertThat(new String(badLength.getBody(), StandardCharsets.UTF_8)).contains("Inference-Header-Content-Length");
	}

	private ResponseEntity<byte[]> binary(byte[] header, byte[] data, int headerLength) {
		byte[] body = Arrays.copyOf(header, header.length + data.length);
		System.arraycopy(data, 0, body, header.length, data.length);
		return this.http.client()
			.post()
			.uri("/v2/models/tiny-fashion/infer")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header("Inference-Header-Content-Length", Integer.toString(headerLength))
			.body(body)
			.retrieve()
			.toEntity(byte[].class);
	}

	private JsonNode infer(String path, String body, int status) {
		ResponseEntity<String> response = this.http.post(path, MediaType.APPLICATION_JSON, body);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		return LocalHttp.read(response);
	}

	private void assertError(String path, String body, int status, String message) {
		JsonNode error = infer(path, body, status);
		assertThat(error.get("error").asString()).contains(message);
	}

}
