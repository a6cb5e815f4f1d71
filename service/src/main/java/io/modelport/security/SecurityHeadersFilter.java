package io.modelport.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers on every response, errors included: the answers are JSON,
 * images and word vectors that no browser should sniff, frame, cache or run scripts from.
 * Swagger UI and the console are the HTML pages: each gets a policy that lets its own
 * scripts and styles run and nothing else.
 *
 * @author Modelport Team
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	// Swagger UI's bundle sets inline style attributes and draws icons from data: URLs.
	static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	// The console: its own scripts and style sheets only (no inline script or style),
	// images it draws from blob: URLs of fetched reports and of the user's own files, and
	// calls to this origin.
	static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; form-action 'none'";

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean ui = path.startsWith("/swagger-ui");
		boolean console = path.equals("/console") || path.startsWith("/console/");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", ui ? UI_POLICY : (console ? CONSOLE_POLICY : API_POLICY));
		if (!ui) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000");
		}
		chain.doFilter(request, response);
	}

}
