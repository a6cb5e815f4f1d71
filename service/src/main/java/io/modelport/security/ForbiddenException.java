package io.modelport.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * The request's key is valid but lacks the scope the endpoint needs: a 403.
 *
 * @author Modelport Team
 */
public class ForbiddenException extends ProblemException {

	private final Scope scope;

	ForbiddenException(String message, Scope scope) {
		super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", message);
		this.scope = scope;
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"modelport\", error=\"insufficient_scope\", scope=\"" + scope.id() + "\"");
	}

	@Override
	protected void addProperties(ProblemDetail body) {
		body.setProperty("scope", this.scope.id());
	}

	/**
	 * The scope the endpoint needs.
	 * @return the scope
	 */
	public Scope scope() {
		return this.scope;
	}

}
