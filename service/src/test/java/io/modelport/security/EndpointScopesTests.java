package io.modelport.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import io.modelport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler mapping of the running application, the service's own, Actuator's (with
 * metrics export on, as in production) and springdoc's, is classified, and with the scope
 * this table says: a new endpoint fails this test until it is added to
 * {@link EndpointScopes} and here.
 *
 * @author Modelport Team
 */
@Tag("integration")
@AutoConfigureMetrics
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:scopes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class EndpointScopesTests {

	private static final Path STORE = Fixtures.tinyModelStore("modelport-scopes");

	private static final String MODEL = "/api/v1/models/{model}";

	private static final String VERSION = MODEL + "/versions/{version}";

	private static final Map<String, String> EXPECTED = new TreeMap<>();

	static {
		expect("public", "/", "/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info",
				"/actuator/prometheus", "/livez", "/readyz", "/v2/health/live", "/v2/health/ready", "/v3/api-docs",
				"/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/error");
		expect("inference", "/api/v1/models", MODEL, MODEL + "/classify", MODEL + "/detect", MODEL + "/faces/detect",
				MODEL + "/embed", MODEL + "/verify", MODEL + "/identify", MODEL + "/translate", MODEL + "/analogy",
				MODEL + "/similarity", MODEL + "/words/{word}", MODEL + "/words/{word}/similar", VERSION + "/report",
				VERSION + "/report/{file}", "/v2", "/v2/models/{model}", "/v2/models/{model}/versions/{version}",
				"/v2/models/{model}/ready", "/v2/models/{model}/versions/{version}/ready", "/v2/models/{model}/infer",
				"/v2/models/{model}/versions/{version}/infer");
		expect("management", MODEL + "/reload", VERSION + "/promote", MODEL + "/vectors", VERSION + "/vectors",
				MODEL + "/gallery", MODEL + "/gallery/{identity}", "/actuator/metrics",
				"/actuator/metrics/{requiredMetricName}", "/actuator/sbom", "/actuator/sbom/{id}");
		expect("training", "/api/v1/training-jobs", "/api/v1/training-jobs/{id}", "/api/v1/training-jobs/{id}/events",
				"/api/v1/datasets", "/api/v1/datasets/{name}");
	}

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
	}

	@Test
	void everyHandlerMappingIsClassified() {
		EndpointScopes scopes = new EndpointScopes();
		Map<String, String> actual = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (String pattern : info.getPatternValues()) {
					actual.put(pattern, classify(scopes, pattern));
				}
			}
		}
		assertThat(new TreeSet<>(actual.keySet())).as("handler mappings").isEqualTo(EXPECTED.keySet());
		assertThat(actual).isEqualTo(EXPECTED);
	}

	@Test
	void pathsNoHandlerServesNeedManagement() {
		EndpointScopes scopes = new EndpointScopes();
		for (String path : new String[] { "/admin", "/api/v1/models/m/unknown", "/api/v2/models", "/actuator/env",
				"/actuator/heapdump", "/v2x" }) {
			assertThat(scopes.match(PathContainer.parsePath(path))).as(path).isEmpty();
			assertThat(scopes.required(PathContainer.parsePath(path))).as(path).contains(Scope.MANAGEMENT);
		}
	}

	private static String classify(EndpointScopes scopes, String pattern) {
		String path = pattern.replace("**", "anything/below").replaceAll("\\{[^}]+}", "1");
		Optional<EndpointScopes.Rule> rule = scopes.match(PathContainer.parsePath(path));
		return rule.map((r) -> r.scope().map(Scope::id).orElse("public")).orElse("UNCLASSIFIED");
	}

	private static void expect(String scope, String... patterns) {
		for (String pattern : patterns) {
			EXPECTED.put(pattern, scope);
		}
	}

}
