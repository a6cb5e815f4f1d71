package io.modelport.security;

/**
 * The request's key is valid but lacks the scope the endpoint needs: a 403.
 *
 * @author Modelport Team
 */
public class ForbiddenException extends RuntimeException {

	private final Scope scope;

	ForbiddenException(String message, Scope scope) {
		super(message);
		this.scope = scope;
	}

	/**
	 * The scope the endpoint needs.
	 * @return the scope
	 */
	public Scope scope() {
		return this.scope;
	}

}
