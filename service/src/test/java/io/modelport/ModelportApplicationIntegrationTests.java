package io.modelport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Boots the whole service on a random port over a temporary model store holding the tiny
 * fixture classifier and a corrupt model, and talks to it over HTTP on 127.0.0.1.
 *
 * @author Modelport Team
 */
@Tag("integration")
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.api.max-request-size=256KB", "modelport.runtime.workers=1" })
class ModelportApplicationIntegrationTests {

	private static final Path STORE = createStore();

	@LocalServerPort
	private int port;

	private LocalHttp http;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
	}

	@BeforeEach
	void waitUntilReady() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void classifiesARealPngOverHttp() {
		ResponseEntity<String> response = classifyMultipart("trouser.png", "?topK=10");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode body = LocalHttp.read(response);
		assertThat(body.get("model").asString()).isEqualTo(Fixtures.TINY_MODEL);
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(body.get("predictions")).hasSize(10);
		assertThat(body.get("predictions").get(0).get("label").asString()).isEqualTo("Trouser");
		double sum = 0;
		for (JsonNode prediction : body.get("predictions")) {
			sum += prediction.get("probability").asDouble();
		}
		assertThat(sum).isCloseTo(1.0, within(1e-4));
	}

	@Test
	void classifiesARawPngBody() {
		ResponseEntity<String> response = this.http.post("/api/v1/models/tiny-fashion/classify", MediaType.IMAGE_PNG,
				Fixtures.image("bag.png"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode predictions = LocalHttp.read(response).get("predictions");
		assertThat(predictions).hasSize(5);
		assertThat(predictions.get(0).get("label").asString()).isEqualTo("Bag");
	}

	@Test
	void aCorruptModelIsFailedWhileTheOthersServe() {
		JsonNode models = LocalHttp.read(this.http.get("/api/v1/models"));
		assertThat(models.findValuesAsString("name")).contains("corrupt", Fixtures.TINY_MODEL);
		JsonNode corrupt = LocalHttp.read(this.http.get("/api/v1/models/corrupt"));
		JsonNode version = corrupt.get("versions").get(0);
		assertThat(version.get("state").asString()).isEqualTo("FAILED");
		assertThat(version.get("failureReason").asString()).contains("checksum mismatch");
		ResponseEntity<String> refused = this.http.post("/api/v1/models/corrupt/classify", MediaType.IMAGE_PNG,
				Fixtures.image("trouser.png"));
		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void describesTheModel() {
		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/tiny-fashion"));
		JsonNode version = model.get("versions").get(0);
		assertThat(version.get("state").asString()).isEqualTo("READY");
		assertThat(version.get("task").asString()).isEqualTo("classifier");
		assertThat(version.get("labels")).hasSize(10);
		assertThat(version.get("input").get("width").asInt()).isEqualTo(28);
		assertThat(version.get("quality").get("testAccuracy").asDouble()).isGreaterThan(0.5);
	}

	@Test
	void unknownModelsAreProblemDetails() {
		ResponseEntity<String> response = this.http.get("/api/v1/models/nope");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(LocalHttp.read(response).get("type").asString()).isEqualTo("urn:modelport:problem:model-not-found");
	}

	@Test
	void uploadsOverTheLimitAre413() {
		MultiValueMap<String, Object> parts = LocalHttp.file("image", new byte[512 * 1024], "big.png");
		ResponseEntity<String> response = this.http.post("/api/v1/models/tiny-fashion/classify",
				MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void reloadPicksUpANewVersionWithoutARestart() {
		Fixtures.copyTinyModel(STORE, "reloadable", 1);
		assertThat(this.http.get("/api/v1/models/reloadable").getStatusCode().value()).isEqualTo(404);
		ResponseEntity<String> first = this.http.post("/api/v1/models/reloadable/reload");
		assertThat(LocalHttp.read(first).get("defaultVersion").asInt()).isEqualTo(1);
		Fixtures.copyTinyModel(STORE, "reloadable", 2);
		JsonNode second = LocalHttp.read(this.http.post("/api/v1/models/reloadable/reload"));
		assertThat(second.get("defaultVersion").asInt()).isEqualTo(2);
		assertThat(second.get("versions").findValuesAsString("state")).containsOnly("READY");
	}

	@Test
	void exposesMetricsHealthInfoAndOpenApi() {
		classifyMultipart("trouser.png", "");
		String metrics = this.http.get("/actuator/prometheus").getBody();
		assertThat(metrics).containsPattern(
				"modelport_inference_seconds_bucket\\{[^}]*model=\"tiny-fashion\"[^}]*outcome=\"success\"[^}]*task=\"classifier\"");
		assertThat(metrics).containsPattern("modelport_model_versions\\{[^}]*state=\"FAILED\"[^}]*} [1-9]");
		assertThat(metrics).contains("modelport_model_load_seconds_count");
		assertThat(LocalHttp.read(this.http.get("/actuator/health/liveness")).get("status").asString()).isEqualTo("UP");
		assertThat(LocalHttp.read(this.http.get("/actuator/info")).get("build").get("artifact").asString())
			.isEqualTo("modelport-service");
		JsonNode paths = LocalHttp.read(this.http.get("/v3/api-docs")).get("paths");
		for (String path : List.of("/api/v1/models/{model}/classify", "/api/v1/models/{model}/words/{word}/similar",
				"/api/v1/models/{model}/analogy", "/api/v1/models/{model}/translate",
				"/api/v1/models/{model}/versions/{version}/vectors")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
	}

	private ResponseEntity<String> classifyMultipart(String image, String query) {
		MultiValueMap<String, Object> parts = LocalHttp.file("image", Fixtures.image(image), image);
		return this.http.post("/api/v1/models/tiny-fashion/classify" + query, MediaType.MULTIPART_FORM_DATA, parts);
	}

	private static Path createStore() {
		try {
			Path store = Fixtures.tinyModelStore("modelport-it");
			Files.writeString(store.resolve(Fixtures.TINY_MODEL).resolve("model.yaml"), "required: true\n");
			Path corrupt = Fixtures.copyTinyModel(store, "corrupt", 1);
			Files.write(Fixtures.paramsFile(corrupt), new byte[] { 42 });
			return store;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
