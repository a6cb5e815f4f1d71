package io.modelport.security;

/**
 * The request needs a key and presented none, or one that is unknown or expired: a 401.
 *
 * @author Modelport Team
 */
public class UnauthorizedException extends RuntimeException {

	private final Scope scope;

	private final boolean keyPresented;

	UnauthorizedException(String message, Scope scope, boolean keyPresented) {
		super(message);
		this.scope = scope;
		this.keyPresented = keyPresented;
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
