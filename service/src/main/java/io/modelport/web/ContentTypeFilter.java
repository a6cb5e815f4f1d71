package io.modelport.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers 415 to a {@code Content-Type} that is not one concrete media type (a wildcard
 * such as {@code *}{@code /*}, or text that does not parse) before any handler runs:
 * Spring's request headers refuse such a type with an assertion, which would otherwise
 * reach the client as a 500.
 *
 * @author Modelport Team
 */
class ContentTypeFilter extends OncePerRequestFilter {

	private final HandlerExceptionResolver resolver;

	ContentTypeFilter(HandlerExceptionResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getContentType();
		if (header != null && !header.isBlank() && !isConcrete(header)) {
			this.resolver.resolveException(request, response, null, new HttpMediaTypeNotSupportedException(
					"Content-Type '" + header + "' is not a concrete media type"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isConcrete(String header) {
		try {
			MediaType type = MediaType.parseMediaType(header);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
