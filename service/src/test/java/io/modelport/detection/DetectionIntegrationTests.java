package io.modelport.detection;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;
import io.modelport.imaging.PngImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The detect endpoint over HTTP with a detector whose four boxes are known exactly: a
 * 64×32 image is letterboxed into the 32×32 input (scale 0.5, 8 px of padding above and
 * below), so the four input cells map back to the four 32×16 quadrants of the image.
 *
 * @author Modelport Team
 */
@IntegrationTest
class DetectionIntegrationTests {

	private static final String DETECT = "/api/v1/models/constant-detector/detect";

	@LocalServerPort
	private int port;

	private final LocalHttp http;

	DetectionIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void boxesMapBackThroughTheLetterboxToThePixelsOfTheImageSent() {
		JsonNode answer = LocalHttp.read(this.http.post(DETECT, MediaType.IMAGE_PNG, png(64, 32)));
		assertThat(answer.get("imageWidth").asInt()).isEqualTo(64);
		assertThat(answer.get("imageHeight").asInt()).isEqualTo(32);
		JsonNode detections = answer.get("detections");
		assertThat(detections).hasSize(4);
		assertThat(detections.get(0).get("label").asString()).isEqualTo("a");
		assertThat(detections.get(0).get("score").asDouble()).isCloseTo(0.8391, offset(1e-3));
		assertThat(detections.valueStream().map((d) -> d.get("box").toString()).toList()).containsExactly(
				"{\"x\":0.0,\"y\":0.0,\"width\":32.0,\"height\":16.0}",
				"{\"x\":32.0,\"y\":0.0,\"width\":32.0,\"height\":16.0}",
				"{\"x\":0.0,\"y\":16.0,\"width\":32.0,\"height\":16.0}",
				"{\"x\":32.0,\"y\":16.0,\"width\":32.0,\"height\":16.0}");
	}

	@Test
	void servesATorchScriptExportWithTheFlatYolov5Layout() {
		// Letterboxed with gray 114: a white image has mean brightness 0.72, a black one
		// 0.22.
		JsonNode white = LocalHttp
			.read(this.http.post("/api/v1/models/torch-yolo/detect", MediaType.IMAGE_PNG, png(64, 32, 255)));
		JsonNode detections = white.get("detections");
		assertThat(detections).hasSize(2);
		assertThat(detections.get(0).get("label").asString()).isEqualTo("cat");
		assertThat(detections.get(0).get("score").asDouble()).isCloseTo(0.8425, offset(1e-3));
		assertThat(detections.get(0).get("box").toString())
			.isEqualTo("{\"x\":8.0,\"y\":0.0,\"width\":16.0,\"height\":8.0}");
		assertThat(detections.get(1).get("label").asString()).isEqualTo("dog");
		assertThat(detections.get(1).get("box").toString())
			.isEqualTo("{\"x\":40.0,\"y\":24.0,\"width\":16.0,\"height\":8.0}");
		JsonNode black = LocalHttp
			.read(this.http.post("/api/v1/models/torch-yolo/detect", MediaType.IMAGE_PNG, png(64, 32, 0)));
		assertThat(black.get("detections")).isEmpty();
	}

	@Test
	void openInferenceProtocolServesDetectorsOneImagePerRequest() {
		JsonNode metadata = LocalHttp.read(this.http.get("/v2/models/torch-yolo"));
		assertThat(metadata.get("outputs").toString()).contains("\"name\":\"boxes\"", "[-1,4]");
		String image = Base64.getEncoder().encodeToString(png(64, 32, 255));
		String body = "{\"id\":\"r1\",\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],"
				+ "\"data\":[\"" + image + "\"]}],\"parameters\":{\"max_detections\":1}}";
		JsonNode answer = LocalHttp
			.read(this.http.post("/v2/models/torch-yolo/infer", MediaType.APPLICATION_JSON, body));
		assertThat(answer.get("id").asString()).isEqualTo("r1");
		assertThat(answer.get("outputs").get(0).toString())
			.isEqualTo("{\"name\":\"boxes\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[8.0,0.0,16.0,8.0]}");
		assertThat(answer.get("outputs").get(2).get("data").toString()).isEqualTo("[\"cat\"]");
		ResponseEntity<String> batch = this.http.post("/v2/models/torch-yolo/infer", MediaType.APPLICATION_JSON,
				body.replace("\"shape\":[1]", "\"shape\":[2]"));
		assertThat(batch.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(batch).get("error").asString()).contains("one image per request");
	}

	@Test
	void requestParametersOverrideTheDefaults() {
		assertThat(count(DETECT + "?maxDetections=2")).isEqualTo(2);
		assertThat(count(DETECT + "?scoreThreshold=0.9")).isZero();
		assertThat(count(DETECT + "?classes=b")).isZero();
		assertThat(count(DETECT + "?classes=a&maxDetections=0")).isZero();
		String json = "{\"image\":\"" + Base64.getEncoder().encodeToString(png(64, 32)) + "\",\"maxDetections\":3}";
		assertThat(LocalHttp.read(this.http.post(DETECT, MediaType.APPLICATION_JSON, json)).get("detections"))
			.hasSize(3);
	}

	@Test
	void badParametersAndInputsAreProblems() {
		assertProblem(this.http.post(DETECT + "?iouThreshold=1.5", MediaType.IMAGE_PNG, png(8, 8)), 400,
				"iouThreshold must be between 0 and 1");
		assertProblem(this.http.post(DETECT + "?maxDetections=-1", MediaType.IMAGE_PNG, png(8, 8)), 400,
				"maxDetections must be between 0 and");
		assertProblem(this.http.post(DETECT + "?classes=zebra", MediaType.IMAGE_PNG, png(8, 8)), 400,
				"unknown class 'zebra'");
		assertProblem(this.http.post(DETECT, MediaType.IMAGE_PNG, new byte[] { 1, 2, 3 }), 400, "");
		assertProblem(this.http.post("/api/v1/models/missing/detect", MediaType.IMAGE_PNG, png(8, 8)), 404, "missing");
	}

	@Test
	void rendersTheBoxesOnAnImageEnlargedToBeLegible() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + DETECT))
				.header("Content-Type", "image/png")
				.header("Accept", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png(64, 32)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage rendered = ImageIO.read(new ByteArrayInputStream(response.body()));
		// 64×32 is enlarged by a whole factor until its longer side is at least 480.
		assertThat(rendered.getWidth()).isEqualTo(64 * 8);
		assertThat(rendered.getHeight()).isEqualTo(32 * 8);
		// The input was black: coloured box lines were drawn on it.
		assertThat(rendered.getRGB(0, 0) & 0xFFFFFF).isNotZero();
	}

	private int count(String path) {
		return LocalHttp.read(this.http.post(path, MediaType.IMAGE_PNG, png(64, 32))).get("detections").size();
	}

	private static void assertProblem(ResponseEntity<String> response, int status, String detail) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(response).get("detail").asString()).contains(detail);
	}

	private static byte[] png(int width, int height) {
		return png(width, height, 0);
	}

	private static byte[] png(int width, int height, int gray) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		java.util.Arrays.fill(((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData(),
				(byte) gray);
		return PngImages.encode(image);
	}

}
