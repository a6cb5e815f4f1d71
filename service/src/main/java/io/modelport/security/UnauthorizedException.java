package io.modelport.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * The request needs a key and presented none, or one that is unknown or expired: a 401.
 *
 * @author Modelport Team
 */
public class UnauthorizedException extends ProblemException {

	private final Scope scope;

	private final boolean keyPresented;

	UnauthorizedException(String message, Scope scope, boolean keyPresented) {
		super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", message);
		this.scope = scope;
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"modelport\""
				+ (keyPresented ? ", error=\"invalid_token\"" : "") + ", scope=\"" + scope.id() + "\"");
		this.keyPresented = keyPresented;
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

	/**
	 * Whether a key was presented (and refused), for the {@code WWW-Authenticate} error
	 * code.
	 * @return {@code true} when a key was presented
	 */
	public boolean keyPresented() {
		return this.keyPresented;
	}

}
