package io.modelport.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default (secure) configuration over HTTP: inference open, management and training
 * behind keys from a keys file that is rotated while the service runs, 401 and 403 as
 * problem+json, public probes and docs, and the security headers.
 *
 * @author Modelport Team
 */
@Tag("integration")
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.security.open-scopes=inference", "modelport.security.keys-check-interval=100ms",
				"modelport.api.max-request-size=64KB",
				"spring.datasource.url=jdbc:h2:mem:security;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" })
class SecurityIntegrationTests {

	private static final Path STORE = Fixtures.tinyModelStore("modelport-security");

	private static final Path KEYS = STORE.resolveSibling(STORE.getFileName() + ".keys");

	private static final String MANAGER = KeysFile.newKey("manager");

	private static final String TRAINER = KeysFile.newKey("trainer");

	private static final String EXPIRED = KeysFile.newKey("expired");

	private static final String RELOAD = "/api/v1/models/tiny-fashion/reload";

	@LocalServerPort
	private int port;

	private RestClient client;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(KEYS, String.join("\n", "# keys of SecurityIntegrationTests",
				KeysFile.line("manager", MANAGER, Set.of(Scope.MANAGEMENT, Scope.INFERENCE), null),
				KeysFile.line("trainer", TRAINER, Set.of(Scope.TRAINING), null),
				KeysFile.line("expired", EXPIRED, Set.of(Scope.MANAGEMENT), KeysFile.expiry("2020-01-01")), ""));
		registry.add("modelport.store.location", STORE::toString);
		registry.add("modelport.security.keys-file", KEYS::toString);
		registry.add("modelport.training.work-dir", () -> STORE.resolveSibling(STORE.getFileName() + ".jobs"));
		registry.add("modelport.datasets.location", () -> STORE.resolveSibling(STORE.getFileName() + ".datasets"));
	}

	@BeforeEach
	void connect() {
		this.client = LocalHttp.ready(this.port).client();
	}

	@Test
	void inferenceIsOpenAndManagementAndTrainingNeedAKey() {
		assertThat(call(HttpMethod.GET, "/api/v1/models", null, null).getStatusCode().value()).isEqualTo(200);
		assertThat(classify(null).getStatusCode().value()).isEqualTo(200);
		assertUnauthorized(call(HttpMethod.POST, RELOAD, null, null), "management", false);
		assertUnauthorized(call(HttpMethod.GET, "/api/v1/training-jobs", null, null), "training", false);
		assertUnauthorized(call(HttpMethod.GET, "/api/v1/datasets", null, null), "training", false);
		assertUnauthorized(call(HttpMethod.DELETE, "/api/v1/models/tiny-fashion/gallery/x", null, null), "management",
				false);
		assertUnauthorized(call(HttpMethod.GET, "/actuator/metrics", null, null), "management", false);
	}

	@Test
	void keysOpenTheirScopesOnly() {
		assertThat(call(HttpMethod.POST, RELOAD, "Authorization", "Bearer " + MANAGER).getStatusCode().value())
			.isEqualTo(200);
		assertThat(call(HttpMethod.POST, RELOAD, "X-API-Key", MANAGER).getStatusCode().value()).isEqualTo(200);
		assertThat(call(HttpMethod.GET, "/api/v1/training-jobs", "X-API-Key", TRAINER).getStatusCode().value())
			.isEqualTo(200);
		// The build puts the CycloneDX SBOM in the application; Actuator serves it.
		assertUnauthorized(call(HttpMethod.GET, "/actuator/sbom/application", null, null), "management", false);
		ResponseEntity<String> sbom = call(HttpMethod.GET, "/actuator/sbom/application", "X-API-Key", MANAGER);
		assertThat(sbom.getStatusCode().value()).isEqualTo(200);
		assertThat(sbom.getBody()).contains("\"bomFormat\" : \"CycloneDX\"", "pytorch-engine");
		ResponseEntity<String> forbidden = call(HttpMethod.POST, RELOAD, "Authorization", "Bearer " + TRAINER);
		assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
		assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(LocalHttp.read(forbidden).get("type").asString()).isEqualTo("urn:modelport:problem:forbidden");
		assertThat(LocalHttp.read(forbidden).get("scope").asString()).isEqualTo("management");
		assertThat(forbidden.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.contains("error=\"insufficient_scope\"");
		assertUnauthorized(call(HttpMethod.POST, RELOAD, "Authorization", "Bearer " + MANAGER + "x"), "management",
				true);
		ResponseEntity<String> expired = call(HttpMethod.POST, RELOAD, "X-API-Key", EXPIRED);
		assertUnauthorized(expired, "management", true);
		assertThat(LocalHttp.read(expired).get("detail").asString()).isEqualTo("the API key has expired");
	}

	@Test
	void aKeyIsRotatedWithoutARestart() throws IOException {
		String replacement = KeysFile.newKey("trainer-2");
		String current = Files.readString(KEYS);
		Files.writeString(KEYS, current + KeysFile.line("trainer-2", replacement, Set.of(Scope.TRAINING), null) + "\n");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> call(HttpMethod.GET, "/api/v1/datasets", "X-API-Key", replacement).getStatusCode()
				.value() == 200);
		assertThat(call(HttpMethod.GET, "/api/v1/datasets", "X-API-Key", TRAINER).getStatusCode().value())
			.isEqualTo(200);
		Files.writeString(KEYS, current.replaceAll("(?m)^trainer .*$", "")
				+ KeysFile.line("trainer-2", replacement, Set.of(Scope.TRAINING), null) + "\n");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> call(HttpMethod.GET, "/api/v1/datasets", "X-API-Key", TRAINER).getStatusCode().value() == 401);
		assertThat(call(HttpMethod.GET, "/api/v1/datasets", "X-API-Key", replacement).getStatusCode().value())
			.isEqualTo(200);
		Files.writeString(KEYS, current);
	}

	@Test
	void probesMetricsAndDocsArePublic() {
		for (String path : new String[] { "/actuator/health/readiness", "/actuator/health/liveness", "/livez",
				"/readyz", "/actuator/info", "/actuator/prometheus", "/v2/health/live", "/v3/api-docs",
				"/swagger-ui/index.html" }) {
			assertThat(call(HttpMethod.GET, path, null, null).getStatusCode().value()).as(path).isEqualTo(200);
		}
		JsonNode schemes = LocalHttp.read(call(HttpMethod.GET, "/v3/api-docs", null, null))
			.get("components")
			.get("securitySchemes");
		assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-API-Key");
		call(HttpMethod.POST, RELOAD, null, null);
		assertThat(call(HttpMethod.GET, "/actuator/prometheus", null, null).getBody())
			.containsPattern("modelport_security_rejections_total\\{[^}]*reason=\"missing\"[^}]*} [1-9]")
			.contains("modelport_security_keys");
	}

	@Test
	void unknownPathsAreClosedAndAnUnauthorizedUploadIsNotRead() {
		assertUnauthorized(call(HttpMethod.GET, "/actuator/env", null, null), "management", false);
		assertUnauthorized(call(HttpMethod.GET, "/nowhere", null, null), "management", false);
		// Over the request size limit: refused for the key first, before the body is
		// read.
		ResponseEntity<String> upload = this.client.post()
			.uri("/api/v1/models/tiny-fashion/vectors")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new byte[1024 * 1024])
			.retrieve()
			.toEntity(String.class);
		assertUnauthorized(upload, "management", false);
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		for (ResponseEntity<String> response : List.of(classify(null),
				call(HttpMethod.GET, "/api/v1/models/nope", null, null), call(HttpMethod.POST, RELOAD, null, null),
				call(HttpMethod.GET, "/actuator/prometheus", null, null),
				call(HttpMethod.GET, "/v2/models/nope", null, null))) {
			HttpHeaders headers = response.getHeaders();
			assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.API_POLICY);
			assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		}
		ResponseEntity<String> ui = call(HttpMethod.GET, "/swagger-ui/index.html", null, null);
		assertThat(ui.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.UI_POLICY);
		assertThat(ui.getBody()).contains("swagger-ui-bundle.js").doesNotContainPattern("<script>[^<]");
		// The console is public, with its own policy and no inline script, even though
		// every
		// scope is closed here.
		ResponseEntity<String> console = call(HttpMethod.GET, "/console/", null, null);
		assertThat(console.getStatusCode().value()).isEqualTo(200);
		assertThat(console.getHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo(SecurityHeadersFilter.CONSOLE_POLICY)
			.doesNotContain("unsafe-inline");
		assertThat(console.getBody()).contains("<script type=\"module\" src=\"js/app.js\">")
			.doesNotContainPattern("<script>[^<]")
			.doesNotContain("style=");
		assertThat(call(HttpMethod.GET, "/console/js/app.js", null, null).getStatusCode().value()).isEqualTo(200);
		assertThat(call(HttpMethod.GET, "/console", null, null).getStatusCode().value()).isEqualTo(302);
	}

	@Test
	void theConsolesOpenPathsLeadNowhereElse() throws Exception {
		// Raw request lines, so that no client normalises the dots away.
		for (String path : List.of("/console/../actuator/metrics", "/console/%2e%2e/actuator/metrics",
				"/console/..;/actuator/metrics", "/console/./../api/v1/training-jobs")) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				socket.getOutputStream()
					.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
				assertThat(status).as(path).startsWith("HTTP/1.1 4");
			}
		}
	}

	private ResponseEntity<String> classify(String key) {
		return this.client.post()
			.uri("/api/v1/models/tiny-fashion/classify")
			.contentType(MediaType.IMAGE_PNG)
			.headers((headers) -> {
				if (key != null) {
					headers.setBearerAuth(key);
				}
			})
			.body(Fixtures.image("trouser.png"))
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> call(HttpMethod method, String path, String header, String value) {
		return this.client.method(method).uri(path).headers((headers) -> {
			if (header != null) {
				headers.add(header, value);
			}
		}).retrieve().toEntity(String.class);
	}

	private static void assertUnauthorized(ResponseEntity<String> response, String scope, boolean keyPresented) {
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(LocalHttp.read(response).get("type").asString()).isEqualTo("urn:modelport:problem:unauthorized");
		assertThat(LocalHttp.read(response).get("scope").asString()).isEqualTo(scope);
		String challenge = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer realm=\"modelport\"");
		assertThat(challenge.contains("invalid_token")).isEqualTo(keyPresented);
	}

}
