package io.modelport.faces.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import io.modelport.LocalHttp;
import io.modelport.ModelportApplication;
import io.modelport.faces.FaceImagesFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gallery across restarts and promotions: each test starts the whole service on a
 * file-based H2 job store in a temporary folder, as a deployment would run it.
 *
 * @author Modelport Team
 */
@Tag("integration")
class GalleryPersistenceTests {

	private static final String BASE = "/api/v1/models/" + FaceImagesFixture.MODEL;

	@TempDir
	Path data;

	@Test
	void theGallerySurvivesARestart() {
		Path store = FaceImagesFixture.store(false);
		try (ConfigurableApplicationContext first = start(store, false)) {
			enrolAlice(http(first));
		}
		try (ConfigurableApplicationContext second = start(store, false)) {
			LocalHttp http = http(second);
			assertThat(LocalHttp.read(http.get(BASE + "/gallery/alice")).get("faces").asInt()).isEqualTo(1);
			assertThat(identify(http).get("identity").asString()).isEqualTo("alice");
		}
	}

	@Test
	void withoutStoredImagesAPromotedVersionReportsOlderEnrolmentsStale() {
		try (ConfigurableApplicationContext context = start(FaceImagesFixture.store(true), false)) {
			LocalHttp http = http(context);
			enrolAlice(http);
			promoteSecondVersion(http);

			JsonNode alice = LocalHttp.read(http.get(BASE + "/gallery/alice"));
			assertThat(alice.get("versions").toString()).isEqualTo("[1]");
			assertThat(alice.get("stale").asBoolean()).isTrue();
			// Version 2 computes the same vectors, yet version 1's are never compared.
			JsonNode answer = identify(http);
			assertThat(answer.get("version").asInt()).isEqualTo(2);
			assertThat(answer.get("identity").isNull()).isTrue();
			assertThat(answer.get("candidates")).isEmpty();
			assertThat(answer.get("staleIdentities").toString()).isEqualTo("[\"alice\"]");

			enrolAlice(http);
			assertThat(identify(http).get("identity").asString()).isEqualTo("alice");
		}
	}

	@Test
	void withStoredImagesAPromotedVersionRecomputesTheEmbeddings() {
		try (ConfigurableApplicationContext context = start(FaceImagesFixture.store(true), true)) {
			LocalHttp http = http(context);
			enrolAlice(http);
			promoteSecondVersion(http);
			assertThat(LocalHttp.read(http.get(BASE + "/gallery/alice")).get("stale").asBoolean()).isFalse();

			JsonNode answer = identify(http);
			assertThat(answer.get("version").asInt()).isEqualTo(2);
			assertThat(answer.get("identity").asString()).isEqualTo("alice");
			assertThat(answer.get("staleIdentities")).isEmpty();
			assertThat(LocalHttp.read(http.get(BASE + "/gallery/alice")).get("versions").toString()).isEqualTo("[1,2]");
		}
	}

	@Test
	void enrolmentsThroughAnotherReplicaAreSeenByTheNextIdentification() {
		Path store = FaceImagesFixture.store(false);
		try (ConfigurableApplicationContext first = start(store, false);
				ConfigurableApplicationContext second = start(store, false)) {
			LocalHttp writer = http(first);
			LocalHttp reader = http(second);
			enrolAlice(writer);
			assertThat(identify(reader).get("identity").asString()).isEqualTo("alice");
			assertThat(writer
				.put(BASE + "/gallery/bob", MediaType.MULTIPART_FORM_DATA,
						LocalHttp.file("image", FaceImagesFixture.png("bob", 32, 32, 220), "bob.png"))
				.getStatusCode()
				.value()).isEqualTo(200);
			assertThat(identify(reader).get("candidates")).hasSize(2);
			assertThat(writer.delete(BASE + "/gallery/alice").getStatusCode().value()).isEqualTo(204);
			JsonNode answer = identify(reader);
			assertThat(answer.get("identity").isNull()).isTrue();
			assertThat(answer.get("candidates").get(0).get("identity").asString()).isEqualTo("bob");
		}
	}

	private ConfigurableApplicationContext start(Path store, boolean storeImages) {
		try {
			Files.createDirectories(this.data);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new SpringApplicationBuilder(ModelportApplication.class).run("--server.port=0",
				"--modelport.store.location=" + store, "--modelport.faces.gallery.store-images=" + storeImages,
				"--modelport.training.work-dir=" + this.data.resolve("jobs"),
				"--modelport.datasets.location=" + this.data.resolve("datasets"),
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("db/modelport")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	private static LocalHttp http(ConfigurableApplicationContext context) {
		return LocalHttp.ready(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	private static void enrolAlice(LocalHttp http) {
		assertThat(http
			.put(BASE + "/gallery/alice", MediaType.MULTIPART_FORM_DATA,
					LocalHttp.file("image", FaceImagesFixture.png("alice", 32, 32, 220), "alice.png"))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private static void promoteSecondVersion(LocalHttp http) {
		assertThat(http.post(BASE + "/versions/2/promote").getStatusCode().value()).isEqualTo(200);
	}

	private static JsonNode identify(LocalHttp http) {
		return LocalHttp
			.read(http.post(BASE + "/identify", MediaType.IMAGE_PNG, FaceImagesFixture.png("alice", 48, 48, 180)));
	}

}
