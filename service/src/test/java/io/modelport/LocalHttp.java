package io.modelport;

import java.time.Duration;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * An HTTP client for integration tests: talks to the service on 127.0.0.1 only, returns
 * every response (errors included) as a string entity, and parses JSON bodies.
 *
 * @author Modelport Team
 */
public final class LocalHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient client;

	private LocalHttp(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	/**
	 * Connects and waits until the service reports ready.
	 * @param port the service's port
	 * @return the client
	 */
	public static LocalHttp ready(int port) {
		LocalHttp http = new LocalHttp(port);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get("/actuator/health/readiness").getStatusCode().value() == 200);
		return http;
	}

	/**
	 * The underlying client, for requests the helpers here do not cover (own headers,
	 * methods): based on the service's URL, and never throwing on an error status.
	 * @return the client
	 */
	public RestClient client() {
		return this.client;
	}

	/**
	 * Sends a GET.
	 * @param path the path and query
	 * @return the response
	 */
	public ResponseEntity<String> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(String.class);
	}

	/**
	 * Sends a GET and keeps the body as bytes (downloads).
	 * @param path the path and query
	 * @return the response
	 */
	public ResponseEntity<byte[]> getBytes(String path) {
		return this.client.get().uri(path).retrieve().toEntity(byte[].class);
	}

	/**
	 * Sends a POST with a body and an {@code Accept} header.
	 * @param path the path and query
	 * @param type the body's media type
	 * @param accept the accepted media type
	 * @param body the body
	 * @return the response
	 */
	public ResponseEntity<String> postAccepting(String path, MediaType type, MediaType accept, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(type)
			.accept(accept)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	/**
	 * Sends a POST with a body and an {@code Accept} header, and keeps the answer as
	 * bytes.
	 * @param path the path and query
	 * @param type the body's media type
	 * @param accept the accepted media type
	 * @param body the body
	 * @return the answer's bytes
	 */
	public byte[] exchangeBytes(String path, MediaType type, MediaType accept, Object body) {
		return this.client.post().uri(path).contentType(type).accept(accept).body(body).retrieve().body(byte[].class);
	}

	/**
	 * Sends a POST with a body.
	 * @param path the path and query
	 * @param type the body's media type
	 * @param body the body (bytes, a string or multipart parts)
	 * @return the response
	 */
	public ResponseEntity<String> post(String path, MediaType type, Object body) {
		return this.client.post().uri(path).contentType(type).body(body).retrieve().toEntity(String.class);
	}

	/**
	 * Sends a PUT with a body.
	 * @param path the path and query
	 * @param type the body's media type
	 * @param body the body (bytes, a string or multipart parts)
	 * @return the response
	 */
	public ResponseEntity<String> put(String path, MediaType type, Object body) {
		return this.client.put().uri(path).contentType(type).body(body).retrieve().toEntity(String.class);
	}

	/**
	 * Sends a POST without a body.
	 * @param path the path and query
	 * @return the response
	 */
	public ResponseEntity<String> post(String path) {
		return this.client.post().uri(path).retrieve().toEntity(String.class);
	}

	/**
	 * Sends a DELETE.
	 * @param path the path
	 * @return the response
	 */
	public ResponseEntity<String> delete(String path) {
		return this.client.delete().uri(path).retrieve().toEntity(String.class);
	}

	/**
	 * Multipart parts holding one file.
	 * @param part the part name
	 * @param bytes the file content
	 * @param filename the file name
	 * @return the parts, to add more to
	 */
	public static MultiValueMap<String, Object> file(String part, byte[] bytes, String filename) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add(part, new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return parts;
	}

	/**
	 * Parses a JSON response body.
	 * @param response the response
	 * @return the JSON tree
	 */
	public static JsonNode read(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}

}
