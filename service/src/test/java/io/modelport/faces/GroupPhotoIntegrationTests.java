package io.modelport.faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import ai.djl.Device;
import ai.djl.Model;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.modelport.LocalHttp;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.faces.importer.FaceApiImport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped face-api version 2 on a group photo composed from real ORL faces (skipped
 * where the ORL folder is absent, unless {@code modelport.orl.required}): detect finds
 * every face where it is, identify names each one against a gallery enrolled from other
 * photos, the drawn PNG comes back, and the refusals (a group photo enrolled under one
 * name, a photo with no face, a face index the photo does not have) store nothing.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GroupPhotoIntegrationTests {

	private static final Path SHIPPED = Path.of("..", "model-store", "face-api").toAbsolutePath();

	private static final Path STORE = store();

	private static final String BASE = "/api/v1/models/face-api";

	@LocalServerPort
	private int port;

	private LocalHttp http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
		// enrolment is a management call
		registry.add("modelport.security.open-scopes", () -> "inference,management");
	}

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void detectAndIdentifyEveryFaceOfAGroupPhoto() throws Exception {
		List<List<Path>> orl = OrlGroups.identities(OrlGroups.requireLocation());
		List<GroupPhotos.Source> sources = new ArrayList<>();
		try (Model model = Model.newInstance("landmarks", Device.cpu(), "PyTorch")) {
			FaceAligner aligner = new FaceAligner(
					FaceLandmarker.load(model.getNDManager(), SHIPPED.resolve("2").resolve(FaceApiImport.LANDMARKS)),
					150);
			for (int person = 0; person < 4; person++) {
				sources.add(OrlGroups.source("s" + (person + 1), orl.get(person).get(4), aligner));
			}
		}
		for (int person = 0; person < 4; person++) {
			ResponseEntity<String> enrolled = this.http.put(BASE + "/gallery/s" + (person + 1),
					MediaType.MULTIPART_FORM_DATA,
					LocalHttp.file("image", Files.readAllBytes(orl.get(person).get(0)), "1.pgm"));
			assertThat(enrolled.getStatusCode().is2xxSuccessful()).as(enrolled.getBody()).isTrue();
		}
		GroupPhotos.Group group = GroupPhotos.compose(sources, new Random(20), 60, 140);
		assertThat(group.faces()).hasSize(4);
		byte[] photo = group.png();

		JsonNode detected = LocalHttp.read(this.http.post(BASE + "/faces/detect", MediaType.IMAGE_PNG, photo));
		// every true face, and at most one false detection in the clutter (the benchmark
		// counts 2 in 76 faces)
		assertThat(detected.get("faces").size()).isBetween(4, 5);
		for (GroupPhotos.Placed placed : group.faces()) {
			assertThat(best(detected.get("faces"), placed.box(), null)).as(placed.identity()).isNotNull();
		}
		assertThat(detected.get("faces").get(0).get("landmarks")).hasSize(68);

		JsonNode identified = LocalHttp.read(this.http.post(BASE + "/identify?face=all", MediaType.IMAGE_PNG, photo));
		assertThat(identified.get("faces").size()).isBetween(4, 5);
		for (GroupPhotos.Placed placed : group.faces()) {
			JsonNode face = best(identified.get("faces"), placed.box(), "face");
			assertThat(face.get("identity").asString()).isEqualTo(placed.identity());
		}

		byte[] drawn = this.http.exchangeBytes(BASE + "/identify", MediaType.IMAGE_PNG, MediaType.IMAGE_PNG, photo);
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(drawn)).getWidth())
			.isEqualTo(group.image().getWidth());

		ResponseEntity<String> several = this.http.put(BASE + "/gallery/crowd", MediaType.MULTIPART_FORM_DATA,
				LocalHttp.file("image", photo, "group.png"));
		assertProblem(several, "urn:modelport:problem:several-faces");
		assertThat(this.http.get(BASE + "/gallery/crowd").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		assertProblem(this.http.post(BASE + "/identify?face=9", MediaType.IMAGE_PNG, photo),
				"urn:modelport:problem:no-face");
		byte[] empty = GroupPhotos.compose(List.of(), new Random(3), 60, 140).png();
		assertProblem(this.http.post(BASE + "/embed", MediaType.IMAGE_PNG, empty), "urn:modelport:problem:no-face");
		assertProblem(this.http.post(BASE + "/verify?face=all", MediaType.MULTIPART_FORM_DATA, verifyParts(photo)),
				"urn:modelport:problem:several-faces");
	}

	@Test
	void anIdStylePhotoWhoseFaceFillsTheFrameStillVerifies() throws Exception {
		List<List<Path>> orl = OrlGroups.identities(OrlGroups.requireLocation());
		org.springframework.util.MultiValueMap<String, Object> parts = LocalHttp.file("image1",
				Files.readAllBytes(orl.get(2).get(1)), "2.pgm");
		parts.addAll(LocalHttp.file("image2", Files.readAllBytes(orl.get(2).get(6)), "7.pgm"));
		JsonNode answer = LocalHttp.read(this.http.post(BASE + "/verify", MediaType.MULTIPART_FORM_DATA, parts));
		assertThat(answer.get("version").asInt()).isEqualTo(2);
		assertThat(answer.get("match").asBoolean()).isTrue();
	}

	private static org.springframework.util.MultiValueMap<String, Object> verifyParts(byte[] photo) {
		org.springframework.util.MultiValueMap<String, Object> parts = LocalHttp.file("image1", photo, "a.png");
		parts.addAll(LocalHttp.file("image2", photo, "b.png"));
		return parts;
	}

	// The answer's face that overlaps a true box at IoU 0.5 or more, null when none.
	private static JsonNode best(JsonNode faces, double[] truth, String inner) {
		for (JsonNode face : faces) {
			JsonNode box = ((inner != null) ? face.get(inner) : face).get("box");
			double[] b = { box.get("x").asDouble(), box.get("y").asDouble(), box.get("width").asDouble(),
					box.get("height").asDouble() };
			if (OrlGroups.iou(b, truth) >= 0.5) {
				return face;
			}
		}
		return null;
	}

	private static void assertProblem(ResponseEntity<String> response, String type) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(response).get("type").asString()).isEqualTo(type);
	}

	// A store with the shipped face-api versions 1 and 2, copied (the store refuses
	// links).
	private static Path store() {
		try {
			Path store = Files.createTempDirectory("face-api-groups");
			for (String version : List.of("1", "2")) {
				Path target = Files.createDirectories(store.resolve("face-api").resolve(version));
				try (Stream<Path> files = Files.list(SHIPPED.resolve(version))) {
					for (Path file : files.toList()) {
						Files.copy(file, target.resolve(file.getFileName()));
					}
				}
			}
			Files.copy(SHIPPED.resolve("model.yaml"), store.resolve("face-api").resolve("model.yaml"));
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
