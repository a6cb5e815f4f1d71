package io.modelport.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The likeliest mistakes a new user makes, each answered with a problem that says what
 * went wrong and what would have been accepted.
 *
 * @author Modelport Team
 */
class ContractAnswersTests extends ShippedService {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void misspelledJobFieldIsNamedWithTheFieldItMeant() throws Exception {
		JsonNode problem = problem(send("POST", "/api/v1/training-jobs", "application/json",
				"{\"task\":\"classifier\",\"model\":\"m\",\"dataset\":\"fashion-mnist\",\"settings\":{\"epoch\":1}}"),
				400, "unknown-field");
		assertThat(problem.path("field").asString()).isEqualTo("$.settings.epoch");
		assertThat(problem.path("suggestion").asString()).isEqualTo("epochs");
		assertThat(problem.path("detail").asString()).contains("did you mean 'epochs'");
	}

	@Test
	void misspelledQueryParameterIsNamed() throws Exception {
		JsonNode problem = problem(
				send("POST", "/api/v1/models/fashion-scenes/detect?threshold=0.2", "image/png", image()), 400,
				"unknown-parameter");
		assertThat(problem.path("parameter").asString()).isEqualTo("threshold");
		assertThat(problem.path("detail").asString()).contains("scoreThreshold");
	}

	@Test
	void rawImageWithoutContentTypeSaysSo() throws Exception {
		JsonNode problem = problem(
				send("POST", "/api/v1/models/fashion-mnist/classify", "application/x-www-form-urlencoded", image()),
				415, "unsupported-media-type");
		assertThat(problem.path("detail").asString()).contains("Content-Type: image/png").doesNotContain("percent");
	}

	@Test
	void emptyUploadIsAnEmptyBodyNotMalformedJson() throws Exception {
		JsonNode problem = problem(
				send("POST", "/api/v1/models/fashion-mnist/classify", "application/octet-stream", new byte[0]), 400,
				"empty-body");
		assertThat(problem.path("detail").asString()).doesNotContainIgnoringCase("json");
	}

	@Test
	void malformedJsonSaysWhere() throws Exception {
		JsonNode problem = problem(send("POST", "/api/v1/models/kjv-words/embed", "application/json", "{\"text\"}"),
				400, "malformed-json");
		assertThat(problem.path("detail").asString()).contains("line 1, column 8");
	}

	@Test
	void wrongTypeNamesTheJsonPath() throws Exception {
		JsonNode problem = problem(
				send("POST", "/api/v1/models/dates/translate", "application/json", "{\"texts\":[\"a\", {\"b\":1}]}"),
				400, "invalid-value");
		assertThat(problem.path("field").asString()).isEqualTo("$.texts[1]");
	}

	@Test
	void badEnumListsTheValidValues() throws Exception {
		JsonNode problem = problem(send("GET", "/api/v1/training-jobs?state=DONE", null, null), 400, "invalid-value");
		assertThat(problem.path("detail").asString()).contains("SUCCEEDED", "RUNNING");
		assertThat(problem.path("validValues")).hasSize(5);
	}

	@Test
	void unsupportedMediaTypeListsTheAcceptedOnes() throws Exception {
		JsonNode problem = problem(send("POST", "/api/v1/models/fashion-mnist/classify", "text/csv", "a,b"), 415,
				"unsupported-media-type");
		assertThat(problem.path("detail").asString()).contains("image/png", "application/json", "multipart/form-data");
	}

	@Test
	void springsOwnErrorsCarryTypes() throws Exception {
		problem(send("PATCH", "/api/v1/models", "application/json", "{}"), 405, "method-not-allowed");
		problem(send("GET", "/api/v1/nowhere", null, null), 404, "no-such-endpoint");
		String boundary = "b";
		String emptyMultipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"topK\"\r\n\r\n3\r\n--"
				+ boundary + "--\r\n";
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/models/fashion-mnist/classify"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(emptyMultipart))
			.build();
		JsonNode missing = problem(this.client.send(request, BodyHandlers.ofString()), 400, "missing-parameter");
		assertThat(missing.path("parameter").asString()).isEqualTo("image");
	}

	@Test
	void unknownModelSuggestsTheClosestName() throws Exception {
		JsonNode problem = problem(send("GET", "/api/v1/models/fashion-mnst", null, null), 404, "model-not-found");
		assertThat(problem.path("detail").asString()).contains("did you mean 'fashion-mnist'");
	}

	@Test
	void rootRedirectsToTheConsole() throws Exception {
		HttpResponse<String> response = send("GET", "/", null, null);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/console/"));
		HttpResponse<String> console = send("GET", "/console/", null, null);
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("<html");
	}

	@Test
	void openApiDocumentDescribesTheProduct() throws Exception {
		JsonNode document = json.readTree(send("GET", "/v3/api-docs", null, null).body());
		assertThat(document.path("info").path("title").asString()).isEqualTo("Modelport");
		assertThat(document.path("info").path("version").asString()).isNotEqualTo("v0");
		JsonNode submit = document.path("paths").path("/api/v1/training-jobs").path("post").path("responses");
		assertThat(submit.has("202")).isTrue();
		assertThat(submit.has("200")).isFalse();
		JsonNode classify = document.path("paths").path("/api/v1/models/{model}/classify").path("post");
		assertThat(
				classify.path("requestBody").path("content").path("image/png").path("schema").path("format").asString())
			.isEqualTo("binary");
		assertThat(classify.path("responses").path("200").path("content").has("application/json")).isTrue();
		assertThat(classify.path("responses").path("200").path("content").has("*/*")).isFalse();
		assertThat(classify.path("responses")
			.path("400")
			.path("content")
			.path("application/problem+json")
			.path("schema")
			.path("$ref")
			.asString()).endsWith("/Problem");
		assertThat(document.path("tags").get(0).path("name").asString()).isEqualTo("Classification");
	}

	private JsonNode problem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:modelport:problem:" + type);
		return problem;
	}

	private HttpResponse<String> send(String method, String path, String type, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (type != null) {
			request.header("Content-Type", type);
		}
		HttpRequest.BodyPublisher publisher = (body instanceof byte[] bytes) ? BodyPublishers.ofByteArray(bytes)
				: (body != null) ? BodyPublishers.ofString((String) body) : BodyPublishers.noBody();
		return this.client.send(request.method(method, publisher).build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static byte[] image() throws IOException {
		return Files.readAllBytes(ROOT.resolve("service/src/test/resources/images/fashion-mnist/trouser.png"));
	}

}
