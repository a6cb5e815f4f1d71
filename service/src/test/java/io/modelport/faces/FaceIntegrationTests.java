package io.modelport.faces;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The embed and verify endpoints over HTTP with the {@code pixel-faces} TorchScript
 * fixture, whose distances are known: the same layout drawn at another size or brightness
 * is near 0, two different layouts are orthogonal, at distance 2.
 *
 * @author Modelport Team
 */
@IntegrationTest
class FaceIntegrationTests {

	private static final String BASE = "/api/v1/models/" + FaceImagesFixture.MODEL;

	private final LocalHttp http;

	FaceIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void embedAnswersAUnitVectorAndTheRawNorm() {
		JsonNode answer = LocalHttp
			.read(this.http.post(BASE + "/embed", MediaType.IMAGE_PNG, FaceImagesFixture.png("alice", 32, 32, 220)));
		assertThat(answer.get("dimension").asInt()).isEqualTo(64);
		assertThat(answer.get("version").asInt()).isEqualTo(1);
		double sum = 0;
		for (JsonNode value : answer.get("embedding")) {
			sum += value.asDouble() * value.asDouble();
		}
		assertThat(sum).isCloseTo(1.0, offset(1e-4));
		// Block means of 220 and 20 around their average 120: every value is ±100 raw.
		assertThat(answer.get("norm").asDouble()).isCloseTo(100 * 8 / 255.0, offset(1e-3));
	}

	@Test
	void theSamePersonAtAnotherSizeAndBrightnessMatches() {
		MultiValueMap<String, Object> parts = LocalHttp.file("image1", FaceImagesFixture.png("alice", 32, 32, 220),
				"a.png");
		parts.addAll(LocalHttp.file("image2", FaceImagesFixture.png("alice", 92, 112, 140), "b.png"));
		JsonNode answer = LocalHttp.read(this.http.post(BASE + "/verify", MediaType.MULTIPART_FORM_DATA, parts));
		assertThat(answer.get("match").asBoolean()).isTrue();
		assertThat(answer.get("distance").asDouble()).isLessThan(0.05);
		assertThat(answer.get("threshold").asDouble()).isEqualTo(0.5);
	}

	@Test
	void twoPeopleDoNotMatchUnlessTheThresholdIsRaised() {
		Map<String, Object> request = Map.of("image1", base64(FaceImagesFixture.png("alice", 40, 40, 200)), "image2",
				base64(FaceImagesFixture.png("bob", 40, 40, 200)));
		JsonNode answer = LocalHttp.read(this.http.post(BASE + "/verify", MediaType.APPLICATION_JSON, request));
		assertThat(answer.get("match").asBoolean()).isFalse();
		assertThat(answer.get("distance").asDouble()).isCloseTo(2.0, offset(1e-3));

		JsonNode raised = LocalHttp
			.read(this.http.post(BASE + "/verify?threshold=2.5", MediaType.APPLICATION_JSON, request));
		assertThat(raised.get("threshold").asDouble()).isEqualTo(2.5);
		assertThat(raised.get("match").asBoolean()).isTrue();
	}

	@Test
	void aPartThatIsNotAnImageIsABadRequest() {
		MultiValueMap<String, Object> parts = LocalHttp.file("image1", FaceImagesFixture.png("alice", 32, 32, 220),
				"a.png");
		parts.addAll(LocalHttp.file("image2", "name,age\nalice,30\n".getBytes(), "people.csv"));
		ResponseEntity<String> response = this.http.post(BASE + "/verify", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(response).get("type").asString()).endsWith("invalid-image");
		assertThat(LocalHttp.read(response).get("detail").asString()).startsWith("image2: ");
	}

	@Test
	void aMissingSecondImageAndAnImpossibleThresholdAreBadRequests() {
		ResponseEntity<String> missing = this.http.post(BASE + "/verify", MediaType.MULTIPART_FORM_DATA,
				LocalHttp.file("image1", FaceImagesFixture.png("alice", 32, 32, 220), "a.png"));
		assertThat(missing.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(missing).get("detail").asString()).contains("image2");

		Map<String, Object> request = Map.of("image1", base64(FaceImagesFixture.png("alice", 32, 32, 200)), "image2",
				base64(FaceImagesFixture.png("alice", 32, 32, 200)), "threshold", 7.5);
		ResponseEntity<String> threshold = this.http.post(BASE + "/verify", MediaType.APPLICATION_JSON, request);
		assertThat(threshold.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(threshold).get("detail").asString()).contains("[0, 4]");
	}

	@Test
	void anUnknownModelIsNotFound() {
		ResponseEntity<String> response = this.http.post("/api/v1/models/nobody/embed", MediaType.IMAGE_PNG,
				FaceImagesFixture.png("alice", 32, 32, 220));
		assertThat(response.getStatusCode().value()).isEqualTo(404);
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
