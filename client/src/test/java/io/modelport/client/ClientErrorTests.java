package io.modelport.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the client turns error answers into exceptions, against a scripted server.
 *
 * @author Modelport Team
 */
class ClientErrorTests {

	@Test
	void aProblemBecomesATypedExceptionWithStatusTypeTitleAndDetail() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(404, """
				{"type":"urn:modelport:problem:model-not-found","title":"Model not found","status":404,
				 "detail":"model 'nope' does not exist","instance":"/api/v1/models/nope"}""", Map.of()))) {
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> server.client(RetryPolicy.DEFAULT).models().describe("nope"))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(404);
					assertThat(ex.type()).isEqualTo(URI.create("urn:modelport:problem:model-not-found"));
					assertThat(ex.title()).isEqualTo("Model not found");
					assertThat(ex.detail()).isEqualTo("model 'nope' does not exist");
					assertThat(ex.field()).isNull();
					assertThat(ex.getMessage()).isEqualTo("HTTP 404 Model not found: model 'nope' does not exist");
				});
			assertThat(server.seen()).hasSize(1);
			assertThat(server.seen().get(0).uri()).isEqualTo("/api/v1/models/nope");
			assertThat(server.seen().get(0).headers().getFirst("Authorization")).isEqualTo("Bearer mp_test_key");
		}
	}

	@Test
	void fieldErrorsNameTheFirstFieldAndKeepEveryOne() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(400, """
				{"type":"urn:modelport:problem:invalid-request","title":"Invalid training job","status":400,
				 "detail":"2 invalid fields","errors":[{"field":"settings.batchSize","message":"must be > 0"},
				 {"field":"task","message":"unknown task"}],"errorId":"abc"}""", Map.of()))) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> server.client(RetryPolicy.DEFAULT).jobs().submit("{}"))
				.satisfies((ex) -> {
					assertThat(ex.field()).isEqualTo("settings.batchSize");
					assertThat(ex.errors()).extracting(Problem.FieldError::field)
						.containsExactly("settings.batchSize", "task");
					assertThat(ex.problem().properties()).containsEntry("errorId", "abc");
				});
		}
	}

	@Test
	void statusesMapToTheirExceptionClasses() {
		assertThat(thrownFor(401)).isInstanceOf(AccessDeniedException.class);
		assertThat(thrownFor(403)).isInstanceOf(AccessDeniedException.class);
		assertThat(thrownFor(409)).isInstanceOf(ConflictException.class);
		assertThat(thrownFor(413)).isInstanceOf(InvalidRequestException.class);
		assertThat(thrownFor(500)).isInstanceOf(ServerException.class);
		assertThat(thrownFor(504)).isInstanceOf(ServerException.class);
		assertThat(thrownFor(503)).isInstanceOf(UnavailableException.class);
	}

	@Test
	void anOipErrorBodyBecomesTheDetail() {
		try (TinyServer server = TinyServer
			.answering(TinyServer.json(400, "{\"error\":\"input 'x' has shape [2]\"}"))) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> server.client(RetryPolicy.NONE).oip().modelMetadata("m", 1))
				.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("input 'x' has shape [2]"));
			assertThat(server.seen().get(0).uri()).isEqualTo("/v2/models/m/versions/1");
		}
	}

	@Test
	void aBodyThatIsNotJsonIsKeptAsTheDetail() {
		try (TinyServer server = TinyServer.answering(
				new TinyServer.Answer(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", 0))) {
			assertThatExceptionOfType(ServerException.class)
				.isThrownBy(() -> server.client(RetryPolicy.NONE).models().list())
				.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("<html>Bad gateway</html>"));
		}
	}

	@Test
	void aServerThatIsNotThereIsUnavailableWithStatusZero() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ModelportClient client = ModelportClient.builder().baseUri("http://127.0.0.1:" + port).build();
		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> client.models().list())
			.satisfies((ex) -> assertThat(ex.status()).isZero())
			.withMessage("Unavailable: GET http://127.0.0.1:" + port + "/api/v1/models failed: cannot connect");
	}

	@Test
	void anAnswerSlowerThanTheRequestTimeoutIsUnavailable() {
		try (TinyServer server = TinyServer.answering(TinyServer.json(200, "[]").delayed(2000))) {
			ModelportClient client = ModelportClient.builder()
				.baseUri(server.base())
				.requestTimeout(Duration.ofMillis(200))
				.serverDeadline(Duration.ofMillis(150))
				.build();
			assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> client.models().list())
				.withMessageContaining("got no answer within PT0.2S");
			assertThat(server.seen().get(0).headers().getFirst("Request-Timeout")).isEqualTo("150");
		}
	}

	@Test
	void namesAndWordsAreEncodedAsPathSegments() {
		try (TinyServer server = TinyServer.answering(TinyServer.json(200,
				"""
						{"model":"my words","version":1,"word":"a/b c","inVocabulary":true,"dimension":2,"vector":[0.5,1]}"""))) {
			WordVector vector = server.client(RetryPolicy.NONE).words().vector("my words", "a/b c");
			assertThat(vector.vector()).containsExactly(0.5f, 1f);
			assertThat(server.seen().get(0).uri()).isEqualTo("/api/v1/models/my%20words/words/a%2Fb%20c");
		}
	}

	private static ModelportException thrownFor(int status) {
		String body = "{\"status\":" + status + ",\"title\":\"t\",\"detail\":\"d\"}";
		try (TinyServer server = TinyServer.answering(TinyServer.problem(status, body, Map.of()))) {
			try {
				server.client(RetryPolicy.NONE).classify("m", "png".getBytes(StandardCharsets.UTF_8), null, null);
			}
			catch (ModelportException ex) {
				assertThat(ex.status()).isEqualTo(status);
				return ex;
			}
			throw new AssertionError("no exception for " + status);
		}
	}

}
