package io.modelport.security;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets a request through when its path is public, its scope is open, or it presents a
 * valid key ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}) with the
 * scope. Refusals go through the exception resolver, so they are the same problem+json as
 * every other error, and happen before the body is read.
 *
 * @author Modelport Team
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "bearer ";

	private static final Log logger = LogFactory.getLog(ApiKeyFilter.class);

	private final EndpointScopes endpoints;

	private final Set<Scope> openScopes;

	private final ApiKeys keys;

	private final HandlerExceptionResolver resolver;

	private final Map<Reason, Counter> rejections = new EnumMap<>(Reason.class);

	ApiKeyFilter(EndpointScopes endpoints, Set<Scope> openScopes, ApiKeys keys, HandlerExceptionResolver resolver,
			MeterRegistry meters) {
		this.endpoints = endpoints;
		this.openScopes = Set.copyOf(openScopes);
		this.keys = keys;
		this.resolver = resolver;
		for (Reason reason : Reason.values()) {
			this.rejections.put(reason,
					Counter.builder("modelport.security.rejections")
						.description("Requests refused for a missing, unknown or expired key, or a missing scope")
						.tag("reason", reason.tag)
						.register(meters));
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		Optional<Scope> required = this.endpoints.required(path.pathWithinApplication());
		if (required.isEmpty() || this.openScopes.contains(required.get())) {
			chain.doFilter(request, response);
			return;
		}
		Scope scope = required.get();
		RuntimeException refusal = check(presentedKey(request), scope, request);
		if (refusal != null) {
			this.resolver.resolveException(request, response, null, refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	private RuntimeException check(String presented, Scope scope, HttpServletRequest request) {
		if (presented == null) {
			return reject(Reason.MISSING, new UnauthorizedException(
					"this endpoint needs an API key with the '" + scope.id() + "' scope", scope, false));
		}
		Optional<ApiKey> found = this.keys.find(presented);
		if (found.isEmpty()) {
			return reject(Reason.UNKNOWN, new UnauthorizedException("the API key is not valid", scope, true));
		}
		ApiKey key = found.get();
		if (key.expiredAt(this.keys.now())) {
			return reject(Reason.EXPIRED, new UnauthorizedException("the API key has expired", scope, true));
		}
		if (!key.scopes().contains(scope)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Key " + key.id() + " lacks the " + scope.id() + " scope for " + request.getMethod() + " "
						+ request.getRequestURI());
			}
			return reject(Reason.SCOPE, new ForbiddenException(
					"the API key does not have the '" + scope.id() + "' scope this endpoint needs", scope));
		}
		return null;
	}

	private RuntimeException reject(Reason reason, RuntimeException refusal) {
		this.rejections.get(reason).increment();
		return refusal;
	}

	private static String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String key = authorization.substring(BEARER.length()).strip();
			return key.isEmpty() ? null : key;
		}
		String key = request.getHeader(API_KEY_HEADER);
		return (key == null || key.isBlank()) ? null : key.strip();
	}

	private enum Reason {

		MISSING("missing"), UNKNOWN("unknown"), EXPIRED("expired"), SCOPE("scope");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

	}

}
