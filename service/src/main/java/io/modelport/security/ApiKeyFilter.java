package io.modelport.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

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

	private static final Log logger = LogFactory.getLog(ApiKeyFilter.class);

	private final EndpointScopes endpoints;

	private final ApiKeyCheck check;

	private final HandlerExceptionResolver resolver;

	ApiKeyFilter(EndpointScopes endpoints, Set<Scope> openScopes, ApiKeys keys, HandlerExceptionResolver resolver,
			MeterRegistry meters) {
		this.endpoints = endpoints;
		this.check = new ApiKeyCheck(openScopes, keys, meters);
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		Optional<Scope> required = this.endpoints.required(path.pathWithinApplication());
		if (required.isEmpty() || this.check.isOpen(required.get())) {
			chain.doFilter(request, response);
			return;
		}
		Scope scope = required.get();
		Optional<RuntimeException> refusal = this.check.refusal(presentedKey(request), scope);
		if (refusal.isPresent()) {
			if (refusal.get() instanceof ForbiddenException && logger.isDebugEnabled()) {
				logger.debug("A key lacks the " + scope.id() + " scope for " + request.getMethod() + " "
						+ request.getRequestURI());
			}
			this.resolver.resolveException(request, response, null, refusal.get());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String presentedKey(HttpServletRequest request) {
		String key = ApiKeyCheck.bearerKey(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (key != null) {
			return key;
		}
		key = request.getHeader(API_KEY_HEADER);
		return (key == null || key.isBlank()) ? null : key.strip();
	}

}
