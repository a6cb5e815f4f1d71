package io.modelport.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped face-api verifier served over HTTP: photos are aligned with 68 landmarks
 * before they are embedded, grey photos work, and a photo too small for a face is a 422.
 */
@IntegrationTest(store = FaceApiServingTests.Store.class)
class FaceApiServingTests {

	private static final String BASE = "/api/v1/models/face-api";

	@LocalServerPort
	private int port;

	private LocalHttp http;

	@BeforeEach
	void connect() {
		this.http = LocalHttp.ready(this.port);
	}

	@Test
	void aGreyPhotoIsAlignedAndEmbeddedInto128Dimensions() {
		JsonNode answer = LocalHttp.read(this.http.post(BASE + "/embed", MediaType.IMAGE_PNG, face(92, 112, true)));
		assertThat(answer.get("dimension").asInt()).isEqualTo(128);
		double sum = 0;
		for (JsonNode value : answer.get("embedding")) {
			sum += value.asDouble() * value.asDouble();
		}
		assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
	}

	@Test
	void theSamePhotoAtAnotherSizeVerifiesAsTheSamePerson() {
		MediaType png = MediaType.IMAGE_PNG;
		JsonNode a = LocalHttp.read(this.http.post(BASE + "/embed", png, face(92, 112, false)));
		JsonNode b = LocalHttp.read(this.http.post(BASE + "/embed", png, face(184, 224, false)));
		double distance = 0;
		for (int i = 0; i < 128; i++) {
			double d = a.get("embedding").get(i).asDouble() - b.get("embedding").get(i).asDouble();
			distance += d * d;
		}
		// Alignment cancels the scale: the two chips are nearly the same picture.
		assertThat(distance).isLessThan(0.1);
	}

	@Test
	void aPhotoTooSmallForAFaceIsA422Problem() {
		ResponseEntity<String> response = this.http.post(BASE + "/embed", MediaType.IMAGE_PNG, face(20, 24, true));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(LocalHttp.read(response).get("detail").asString()).contains("too small to align");
	}

	// A drawn face: an oval, two eyes, a nose and a mouth, on a plain background.
	static byte[] face(int width, int height, boolean grey) {
		BufferedImage image = new BufferedImage(width, height,
				grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.scale(width / 92.0, height / 112.0);
		g.setColor(new Color(70, 80, 90));
		g.fillRect(0, 0, 92, 112);
		g.setColor(new Color(220, 180, 150));
		g.fillOval(16, 14, 60, 82);
		g.setColor(new Color(40, 30, 30));
		g.fillOval(30, 44, 10, 6);
		g.fillOval(52, 44, 10, 6);
		g.fillRect(44, 52, 4, 16);
		g.fillRect(36, 76, 20, 4);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// A store with the shipped model only, copied (the store refuses links).
	private static Path store() {
		try {
			Path store = Files.createTempDirectory("face-api-store");
			Path version = Files.createDirectories(store.resolve("face-api").resolve("1"));
			Path shipped = Path.of("..", "model-store", "face-api", "1").toAbsolutePath();
			try (Stream<Path> files = Files.list(shipped)) {
				for (Path file : files.toList()) {
					Files.copy(file, version.resolve(file.getFileName()));
				}
			}
			// model.yaml marks the model required, so readiness waits until it has
			// loaded.
			Files.copy(shipped.getParent().resolve("model.yaml"), store.resolve("face-api").resolve("model.yaml"));
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Builds the store once per test JVM.
	static final class Store implements Supplier<Path> {

		@Override
		public Path get() {
			return store();
		}

	}

}
