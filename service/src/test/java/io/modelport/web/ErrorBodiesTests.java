package io.modelport.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every kind of error the service answers, and a few successful answers that carry
 * failure reasons, and checks that no body shows a stack trace, a class name or a path on
 * the server: the model store holds models that fail to load for reasons whose engine and
 * I/O messages carry absolute paths.
 *
 * @author Modelport Team
 */
@Tag("integration")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.api.max-request-size=64KB", "modelport.runtime.workers=1",
				"modelport.security.open-scopes=inference,management,training",
				"spring.datasource.url=jdbc:h2:mem:errors;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" })
@Import(ErrorBodiesTests.ThrowingConfiguration.class)
class ErrorBodiesTests {

	private static final Path STORE = createStore();

	private static final List<String> LEAKS = List.of("at io.", "Exception", ".java:", "/tmp/", "/work/", "/home/",
			"/root/", "/usr/", "io.modelport", "java.", "jakarta.", "org.springframework", "ai.djl");

	@LocalServerPort
	private int port;

	private RestClient client;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
		registry.add("modelport.training.work-dir", () -> STORE.resolveSibling(STORE.getFileName() + ".jobs"));
		registry.add("modelport.datasets.location", () -> STORE.resolveSibling(STORE.getFileName() + ".datasets"));
	}

	@BeforeEach
	void connect() {
		this.client = LocalHttp.ready(this.port).client();
	}

	@Test
	void noErrorBodyShowsAStackTraceAClassOrAServerPath() throws IOException {
		String classify = "/api/v1/models/tiny-fashion/classify";
		byte[] png = Fixtures.image("trouser.png");
		List<Answer> answers = new ArrayList<>();
		answers.add(send(HttpMethod.GET, "/api/v1/models/nope", null, null, 404));
		answers.add(send(HttpMethod.GET, "/no/such/path", null, null, 404));
		answers.add(send(HttpMethod.POST, classify, MediaType.APPLICATION_JSON, "{\"image\": ", 400));
		answers.add(send(HttpMethod.POST, classify, MediaType.APPLICATION_JSON, "{\"image\": \"%%%\"}", 400));
		answers.add(send(HttpMethod.POST, classify, MediaType.IMAGE_PNG, new byte[] { 1, 2, 3 }, 400));
		answers.add(send(HttpMethod.POST, classify + "?topK=x", MediaType.IMAGE_PNG, png, 400));
		answers.add(send(HttpMethod.POST, classify, MediaType.valueOf("text/csv"), "a,b", 415));
		answers.add(send(HttpMethod.POST, classify, MediaType.IMAGE_PNG, new byte[128 * 1024], 413));
		answers.add(send(HttpMethod.DELETE, classify, null, null, 405));
		answers.add(send(HttpMethod.GET, "/api/v1/models/tiny-fashion/explode", null, null, 500));
		for (String broken : List.of("corrupt", "unlabelled", "truncated")) {
			answers.add(send(HttpMethod.POST, "/api/v1/models/" + broken + "/classify", MediaType.IMAGE_PNG, png, 503));
			answers.add(failureReason(broken));
			answers.add(send(HttpMethod.POST, "/v2/models/" + broken + "/infer", MediaType.APPLICATION_JSON,
					"{\"inputs\": []}", 503));
		}
		answers.add(send(HttpMethod.GET, "/api/v1/models", null, null, 200));
		answers.add(send(HttpMethod.POST, "/v2/models/tiny-fashion/infer", MediaType.APPLICATION_JSON, "[", 400));
		answers.add(send(HttpMethod.GET, "/api/v1/training-jobs/999999", null, null, 404));
		answers.add(send(HttpMethod.POST, "/api/v1/training-jobs", MediaType.APPLICATION_JSON,
				"{\"task\": \"classifier\", \"dataset\": \"/etc/passwd\"}", 400));
		answers.add(send(HttpMethod.GET, "/api/v1/datasets/nope", null, null, 404));
		answers.add(send(HttpMethod.POST, "/api/v1/datasets", MediaType.MULTIPART_FORM_DATA, conflictingZip(), 400));
		answers.add(
				send(HttpMethod.GET, "/api/v1/models/tiny-fashion/versions/1/report/descriptor.yaml", null, null, 404));
		answers.add(send(HttpMethod.GET, "/api/v1/models/tiny-fashion/words/king", null, null, 400));
		answers.add(send(HttpMethod.GET, "/actuator/metrics/nope", null, null, 404));
		for (Answer answer : answers) {
			for (String leak : LEAKS) {
				assertThat(answer.body()).as(answer.request()).doesNotContain(leak);
			}
			assertThat(answer.body()).as(answer.request()).doesNotContain(STORE.toString());
		}
		assertThat(answers.stream().filter((answer) -> answer.request().startsWith("failure reason of unlabelled")))
			.singleElement()
			.satisfies((answer) -> assertThat(answer.body()).contains("cannot read labels from missing-synset.txt"));
		assertThat(answers.stream().filter((answer) -> answer.request().contains("conflicting"))).singleElement()
			.satisfies((answer) -> assertThat(answer.body()).contains("conflicting entries: shirts"));
	}

	// Model details also hold provenance, which names the trainer's class: only the
	// failure reason is an error message.
	private Answer failureReason(String model) {
		ResponseEntity<String> response = this.client.get()
			.uri("/api/v1/models/" + model)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		String reason = LocalHttp.read(response).get("versions").get(0).get("failureReason").asString();
		return new Answer("failure reason of " + model + ": " + reason, reason);
	}

	private Answer send(HttpMethod method, String path, MediaType type, Object body, int status) {
		RestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (type != null) {
			request.contentType(type).body(body);
		}
		ResponseEntity<String> response = request.retrieve().toEntity(String.class);
		String label = method + " " + path + ((body instanceof MultiValueMap) ? " (conflicting zip)" : "");
		String text = String.valueOf(response.getBody());
		assertThat(response.getStatusCode().value()).as(label + " -> " + text).isEqualTo(status);
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as(label).isEqualTo("nosniff");
		return new Answer(label + " -> " + text, text);
	}

	private static MultiValueMap<String, Object> conflictingZip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("shirts"));
			zip.write(1);
			zip.putNextEntry(new ZipEntry("shirts/a.png"));
			zip.write(Fixtures.image("trouser.png"));
		}
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>(
				LocalHttp.file("file", bytes.toByteArray(), "clothes.zip"));
		parts.add("name", "clothes");
		parts.add("kind", "image-folders");
		return parts;
	}

	private static Path createStore() {
		try {
			Path store = Fixtures.tinyModelStore("modelport-errors");
			Files.writeString(store.resolve(Fixtures.TINY_MODEL).resolve("model.yaml"), "required: true\n");
			Files.write(Fixtures.paramsFile(Fixtures.copyTinyModel(store, "corrupt", 1)), new byte[] { 42 });
			Path unlabelled = Fixtures.copyTinyModel(store, "unlabelled", 1).resolve("descriptor.yaml");
			Files.writeString(unlabelled, Files.readString(unlabelled)
				.replaceFirst("(?s)labels:\n(- [^\n]*\n)+", "labelsFile: missing-synset.txt\n"));
			Path truncated = Fixtures.copyTinyModel(store, "truncated", 1);
			Path params = Fixtures.paramsFile(truncated);
			Files.write(params, Arrays.copyOf(Files.readAllBytes(params), 1000));
			Path descriptor = truncated.resolve("descriptor.yaml");
			Files.writeString(descriptor, Files.readString(descriptor).replaceFirst("(?m)^  sha256: .*\n", ""));
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Answer(String request, String body) {

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ThrowingConfiguration {

		@RestController
		static class ThrowingController {

			@GetMapping("/api/v1/models/{model}/explode")
			String explode() {
				throw new IllegalStateException("failed reading /tmp/modelport/secret/1/w.params at "
						+ "io.modelport.Secret.read(Secret.java:42) caused by java.io.IOException");
			}

		}

	}

}
