package io.modelport.faces.gallery;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;
import io.modelport.faces.FaceImagesFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Enrolment, listing, removal and 1:K identification over HTTP with the
 * {@code pixel-faces} fixture, on a fresh in-memory job store.
 *
 * @author Modelport Team
 */
@IntegrationTest
@TestPropertySource(properties = { "modelport.faces.gallery.max-images-per-identity=3",
		"modelport.faces.gallery.max-identities=2" })
class GalleryIntegrationTests {

	private static final String BASE = "/api/v1/models/" + FaceImagesFixture.MODEL;

	private final LocalHttp http;

	GalleryIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@BeforeEach
	void enrol() {
		MultiValueMap<String, Object> alice = LocalHttp.file("image", FaceImagesFixture.png("alice", 32, 32, 220),
				"1.png");
		alice.addAll(LocalHttp.file("image", FaceImagesFixture.png("alice", 92, 112, 150), "2.png"));
		assertThat(this.http.put(BASE + "/gallery/alice", MediaType.MULTIPART_FORM_DATA, alice).getStatusCode().value())
			.isEqualTo(200);
		Map<String, Object> bob = Map.of("images", List.of(base64(FaceImagesFixture.png("bob", 50, 60, 200))));
		assertThat(this.http.put(BASE + "/gallery/bob", MediaType.APPLICATION_JSON, bob).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void identifiesAnEnrolledPersonAndRanksTheOthers() {
		JsonNode answer = identify(FaceImagesFixture.png("alice", 64, 64, 180));
		assertThat(answer.get("identity").asString()).isEqualTo("alice");
		assertThat(answer.get("distance").asDouble()).isLessThan(0.05);
		assertThat(answer.get("threshold").asDouble()).isEqualTo(0.5);
		assertThat(answer.get("candidates").valueStream().map((c) -> c.get("identity").asString()).toList())
			.containsExactly("alice", "bob");
		assertThat(answer.get("candidates").get(1).get("distance").asDouble()).isCloseTo(2.0, offset(1e-3));
	}

	@Test
	void reportsOnlyTheTopKCandidates() {
		ResponseEntity<String> response = this.http.post(BASE + "/identify?topK=1", MediaType.IMAGE_PNG,
				FaceImagesFixture.png("bob", 40, 40, 200));
		JsonNode answer = LocalHttp.read(response);
		assertThat(answer.get("identity").asString()).isEqualTo("bob");
		assertThat(answer.get("candidates")).hasSize(1);
		assertThat(this.http
			.post(BASE + "/identify?topK=0", MediaType.IMAGE_PNG, FaceImagesFixture.png("bob", 40, 40, 200))
			.getStatusCode()
			.value()).isEqualTo(400);
	}

	@Test
	void aStrangerIsNotRecognised() {
		JsonNode answer = identify(FaceImagesFixture.png("stranger", 40, 40, 200));
		assertThat(answer.get("identity").isNull()).isTrue();
		assertThat(this.http.get("/actuator/prometheus").getBody())
			.contains("modelport_faces_identifications_total{application=\"modelport\",model=\"pixel-faces\","
					+ "outcome=\"not_recognised\"}");
		assertThat(answer.get("distance").isNull()).isTrue();
		assertThat(answer.get("candidates")).hasSize(2);
		assertThat(answer.get("candidates").get(0).get("distance").asDouble()).isGreaterThan(1.5);
	}

	@Test
	void listsShowsAndRemovesIdentities() {
		JsonNode gallery = LocalHttp.read(this.http.get(BASE + "/gallery"));
		assertThat(gallery.get("defaultVersion").asInt()).isEqualTo(1);
		assertThat(gallery.get("identities").valueStream().map((i) -> i.get("identity").asString()).toList())
			.containsExactly("alice", "bob");
		JsonNode alice = gallery.get("identities").get(0);
		assertThat(alice.get("faces").asInt()).isEqualTo(2);
		assertThat(alice.get("versions").toString()).isEqualTo("[1]");
		assertThat(alice.get("imagesStored").asBoolean()).isFalse();
		assertThat(alice.get("stale").asBoolean()).isFalse();

		assertThat(this.http.delete(BASE + "/gallery/bob").getStatusCode().value()).isEqualTo(204);
		ResponseEntity<String> gone = this.http.get(BASE + "/gallery/bob");
		assertThat(gone.getStatusCode().value()).isEqualTo(404);
		assertThat(gone.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(this.http.delete(BASE + "/gallery/bob").getStatusCode().value()).isEqualTo(404);
		assertThat(identify(FaceImagesFixture.png("bob", 50, 60, 200)).get("identity").isNull()).isTrue();
	}

	@Test
	void aBadEnrolmentLeavesTheGalleryAsItWas() {
		MultiValueMap<String, Object> parts = LocalHttp.file("image", FaceImagesFixture.png("carol", 32, 32, 220),
				"1.png");
		parts.addAll(LocalHttp.file("image", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1 }, "2.png"));
		ResponseEntity<String> corrupt = this.http.put(BASE + "/gallery/alice", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(corrupt.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(this.http.get(BASE + "/gallery/alice")).get("faces").asInt()).isEqualTo(2);
		assertThat(identify(FaceImagesFixture.png("alice", 32, 32, 220)).get("identity").asString()).isEqualTo("alice");

		Map<String, Object> four = Map.of("images",
				List.of(base64(FaceImagesFixture.png("carol", 32, 32, 200)),
						base64(FaceImagesFixture.png("carol", 33, 32, 200)),
						base64(FaceImagesFixture.png("carol", 34, 32, 200)),
						base64(FaceImagesFixture.png("carol", 35, 32, 200))));
		ResponseEntity<String> tooMany = this.http.put(BASE + "/gallery/carol", MediaType.APPLICATION_JSON, four);
		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(tooMany).get("detail").asString()).contains("1 to 3 images");

		ResponseEntity<String> badName = this.http.put(BASE + "/gallery/.hidden", MediaType.APPLICATION_JSON,
				Map.of("images", List.of(base64(FaceImagesFixture.png("carol", 32, 32, 200)))));
		assertThat(badName.getStatusCode().value()).isEqualTo(400);
		assertThat(LocalHttp.read(this.http.get(BASE + "/gallery")).get("identities")).hasSize(2);
	}

	@Test
	void aFullGalleryRefusesNewIdentitiesButTakesNewFacesOfKnownOnes() {
		Map<String, Object> carol = Map.of("images", List.of(base64(FaceImagesFixture.png("carol", 32, 32, 200))));
		ResponseEntity<String> full = this.http.put(BASE + "/gallery/carol", MediaType.APPLICATION_JSON, carol);
		assertThat(full.getStatusCode().value()).isEqualTo(409);
		assertThat(full.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(full).get("detail").asString()).contains("full", "2 identities");
		Map<String, Object> bob = Map.of("images", List.of(base64(FaceImagesFixture.png("bob", 32, 32, 150))));
		assertThat(this.http.put(BASE + "/gallery/bob", MediaType.APPLICATION_JSON, bob).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void anUnknownModelHasNoGallery() {
		assertThat(this.http.get("/api/v1/models/nobody/gallery").getStatusCode().value()).isEqualTo(404);
		assertThat(this.http
			.post("/api/v1/models/nobody/identify", MediaType.IMAGE_PNG, FaceImagesFixture.png("alice", 32, 32, 200))
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	private JsonNode identify(byte[] image) {
		ResponseEntity<String> response = this.http.post(BASE + "/identify", MediaType.MULTIPART_FORM_DATA,
				LocalHttp.file("image", image, "probe.png"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return LocalHttp.read(response);
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
