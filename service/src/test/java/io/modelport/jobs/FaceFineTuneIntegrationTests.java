package io.modelport.jobs;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import io.modelport.LocalHttp;
import io.modelport.SlowTest;
import io.modelport.faces.training.SyntheticFaces;
import io.modelport.store.Artifact;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fine-tuning the shipped face-api verifier through the training-job endpoint: a real
 * worker process trains one short epoch on an uploaded identity folder, the fine-tuned
 * network is published as face-api version 2 with its parent, landmark network and before
 * and after figures, {@code if-better} promotes it only when its test ROC AUC beats the
 * parent's on the same identities, and it serves through the same embed endpoint.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "modelport.training.worker-heap=512m")
class FaceFineTuneIntegrationTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	private int port;

	private LocalHttp http;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		JobFolders.register(registry, ROOT);
	}

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void fineTunesTheImportedVerifierAndServesTheNewVersion() throws IOException {
		MultiValueMap<String, Object> parts = LocalHttp.file("file",
				SyntheticFaces.pgmZip(SyntheticFaces.generate(8, 3, 64, 64, 11)), "faces.zip");
		parts.add("name", "my-people");
		parts.add("kind", "image-folders");
		ResponseEntity<String> created = this.http.post("/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, parts);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

		ResponseEntity<String> refused = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, """
				{"task": "face-verifier", "model": "face-api", "dataset": "my-people",
				 "initFrom": {"model": "face-api", "version": 3, "freeze": "conv512"}}""");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(refused).get("errors").findValuesAsString("field"))
			.containsExactly("initFrom.version", "initFrom.freeze");

		String body = """
				{"task": "face-verifier", "model": "face-api", "dataset": "my-people", "promotion": "if-better",
				 "initFrom": {"model": "face-api", "version": 1, "freeze": "conv256"},
				 "settings": {"epochs": 1, "optimizer": {"learningRate": 0.01}, "seed": 3},
				 "faces": {"identitiesPerBatch": 3, "imagesPerIdentity": 2, "stepsPerEpoch": 2,
				           "devShare": 0.25, "testShare": 0.25}}""";
		ResponseEntity<String> submitted = this.http.post("/api/v1/training-jobs", MediaType.APPLICATION_JSON, body);
		assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
		String location = submitted.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(300))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> LocalHttp.read(this.http.get(location)).get("state").asString(),
					(state) -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state));
		JsonNode job = LocalHttp.read(this.http.get(location));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.get("resultVersion").asInt()).isEqualTo(2);
		JsonNode fineTune = job.get("report").get("fineTune");
		double before = fineTune.get("before").get("testAuc").asDouble();
		double after = fineTune.get("after").get("testAuc").asDouble();
		assertThat(before).isBetween(0.0, 1.0);
		assertThat(after).isBetween(0.0, 1.0);
		assertThat(fineTune.get("after").get("testTarAtFar1e-3").asDouble()).isBetween(0.0, 1.0);
		assertThat(fineTune.get("improved").asBoolean()).isEqualTo(after > before);
		assertThat(job.get("promoted").asBoolean()).isEqualTo(after > before);

		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/face-api"));
		assertThat(model.get("defaultVersion").asInt()).isEqualTo((after > before) ? 2 : 1);
		Path published = ROOT.resolve("store").resolve("face-api").resolve("2");
		ModelDescriptor descriptor = DescriptorParser.parse("face-api", 2, published);
		assertThat(descriptor.artifacts()).extracting(Artifact::file)
			.containsExactly("face-api-0001.params", "face-api-landmarks.params");
		assertThat(descriptor.artifacts()).allSatisfy((artifact) -> assertThat(artifact.sha256()).hasSize(64));
		assertThat(descriptor.parameters().get("threshold"))
			.isEqualTo(fineTune.get("after").get("threshold").asDouble());
		assertThat(descriptor.provenance().get("initFrom").toString()).contains("model=face-api", "version=1",
				"freeze=conv256");

		JsonNode embedded = LocalHttp
			.read(this.http.post("/api/v1/models/face-api/embed?version=2", MediaType.IMAGE_PNG, face()));
		assertThat(embedded.get("version").asInt()).isEqualTo(2);
		assertThat(embedded.get("dimension").asInt()).isEqualTo(128);
	}

	private static byte[] face() {
		BufferedImage image = new BufferedImage(96, 112, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(90, 80, 70));
		g.fillRect(0, 0, 96, 112);
		g.setColor(new Color(210, 170, 150));
		g.fillOval(18, 16, 60, 80);
		g.setColor(new Color(40, 30, 30));
		g.fillOval(32, 44, 10, 6);
		g.fillOval(54, 44, 10, 6);
		g.fillRect(36, 76, 24, 4);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// A store with a copy of the shipped face-api version (the store refuses links).
	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("modelport-fine-tune");
			Path version = Files.createDirectories(root.resolve("store").resolve("face-api").resolve("1"));
			Path shipped = Path.of("..", "model-store", "face-api", "1").toAbsolutePath();
			try (Stream<Path> files = Files.list(shipped)) {
				for (Path file : files.toList()) {
					Files.copy(file, version.resolve(file.getFileName()));
				}
			}
			Files.copy(shipped.getParent().resolve("model.yaml"),
					root.resolve("store").resolve("face-api").resolve("model.yaml"));
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
