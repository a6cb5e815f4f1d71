package io.modelport.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key filter's decisions, without a server: open and closed scopes, the two headers,
 * unknown, expired and under-scoped keys, and no keys at all.
 *
 * @author Modelport Team
 */
class ApiKeyFilterTests {

	@TempDir
	Path directory;

	private final AtomicReference<Exception> refusal = new AtomicReference<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void withNoKeysAndNothingOpenEveryScopeIsRefusedButPublicPathsPass() throws Exception {
		ApiKeyFilter filter = filter(Set.of(), new ApiKeys(null, Duration.ofSeconds(1), Clock.systemUTC()));
		for (String path : new String[] { "/api/v1/models/m/classify", "/api/v1/models/m/reload",
				"/api/v1/training-jobs", "/v2/models/m/infer", "/actuator/metrics", "/somewhere/else" }) {
			assertThat(run(filter, "POST", path, null, null)).as(path).isInstanceOf(UnauthorizedException.class);
		}
		for (String path : new String[] { "/actuator/health/readiness", "/livez", "/actuator/prometheus",
				"/v3/api-docs", "/swagger-ui/index.html", "/v2/health/ready" }) {
			assertThat(run(filter, "GET", path, null, null)).as(path).isNull();
		}
		assertThat(this.meters.get("modelport.security.rejections").tag("reason", "missing").counter().count())
			.isEqualTo(6);
	}

	@Test
	void keysAreCheckedForExistenceExpiryAndScope() throws Exception {
		String manager = KeysFile.newKey("manager");
		String expired = KeysFile.newKey("expired");
		Path file = Files.writeString(this.directory.resolve("keys"),
				KeysFile.line("manager", manager, Set.of(Scope.MANAGEMENT), null) + "\n" + KeysFile.line("expired",
						expired, Set.of(Scope.MANAGEMENT, Scope.TRAINING), Instant.parse("2020-01-01T00:00:00Z")));
		ApiKeyFilter filter = filter(Set.of(Scope.INFERENCE),
				new ApiKeys(file, Duration.ofSeconds(1), Clock.systemUTC()));
		String reload = "/api/v1/models/m/reload";
		assertThat(run(filter, "POST", "/api/v1/models/m/classify", null, null)).isNull();
		assertThat(run(filter, "POST", reload, "Authorization", "Bearer " + manager)).isNull();
		assertThat(run(filter, "POST", reload, "authorization", "bearer  " + manager)).isNull();
		assertThat(run(filter, "POST", reload, ApiKeyFilter.API_KEY_HEADER, manager)).isNull();
		assertThat(run(filter, "POST", reload, "Authorization", "Basic " + manager))
			.isInstanceOf(UnauthorizedException.class);
		Exception unknown = run(filter, "POST", reload, "Authorization", "Bearer " + manager + "x");
		assertThat(unknown).isInstanceOf(UnauthorizedException.class).hasMessage("the API key is not valid");
		assertThat(((UnauthorizedException) unknown).keyPresented()).isTrue();
		assertThat(run(filter, "GET", "/api/v1/datasets", "Authorization", "Bearer " + expired))
			.isInstanceOf(UnauthorizedException.class)
			.hasMessage("the API key has expired");
		Exception forbidden = run(filter, "GET", "/api/v1/training-jobs/42", ApiKeyFilter.API_KEY_HEADER, manager);
		assertThat(forbidden).isInstanceOf(ForbiddenException.class);
		assertThat(((ForbiddenException) forbidden).scope()).isEqualTo(Scope.TRAINING);
		for (String reason : new String[] { "unknown", "expired", "scope" }) {
			assertThat(this.meters.get("modelport.security.rejections").tag("reason", reason).counter().count())
				.as(reason)
				.isEqualTo(1);
		}
	}

	private ApiKeyFilter filter(Set<Scope> open, ApiKeys keys) {
		return new ApiKeyFilter(new EndpointScopes(), open, keys, (request, response, handler, ex) -> {
			this.refusal.set(ex);
			return new ModelAndView();
		}, this.meters);
	}

	private Exception run(ApiKeyFilter filter, String method, String path, String header, String value)
			throws ServletException, IOException {
		this.refusal.set(null);
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (header != null) {
			request.addHeader(header, value);
		}
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest() == null).isEqualTo(this.refusal.get() != null);
		return this.refusal.get();
	}

}
