package io.modelport.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Decides whether a presented API key may use a scope. The HTTP key filter and the gRPC
 * server both ask it, so a key, its scopes and the rejection counters mean the same on
 * both ports.
 *
 * @author Modelport Team
 */
public final class ApiKeyCheck {

	private static final String BEARER = "bearer ";

	private final Set<Scope> openScopes;

	private final ApiKeys keys;

	private final Map<Reason, Counter> rejections = new EnumMap<>(Reason.class);

	ApiKeyCheck(Set<Scope> openScopes, ApiKeys keys, MeterRegistry meters) {
		this.openScopes = Set.copyOf(openScopes);
		this.keys = keys;
		for (Reason reason : Reason.values()) {
			this.rejections.put(reason,
					Counter.builder("modelport.security.rejections")
						.description("Requests refused for a missing, unknown or expired key, or a missing scope")
						.tag("reason", reason.tag)
						.register(meters));
		}
	}

	/**
	 * Whether a scope needs no key.
	 * @param scope the scope
	 * @return {@code true} when the scope is open
	 */
	public boolean isOpen(Scope scope) {
		return this.openScopes.contains(scope);
	}

	/**
	 * Checks a key against the scope a call needs.
	 * @param presented the key, or {@code null} when the call presented none
	 * @param scope the scope the call needs
	 * @return the refusal ({@link UnauthorizedException} or {@link ForbiddenException}),
	 * or empty when the call may go on
	 */
	public Optional<RuntimeException> refusal(String presented, Scope scope) {
		if (isOpen(scope)) {
			return Optional.empty();
		}
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
			return reject(Reason.SCOPE, new ForbiddenException(
					"the API key does not have the '" + scope.id() + "' scope this endpoint needs", scope));
		}
		return Optional.empty();
	}

	/**
	 * Reads the key from an {@code Authorization: Bearer <key>} value.
	 * @param authorization the header or metadata value, or {@code null}
	 * @return the key, or {@code null} when there is none
	 */
	public static String bearerKey(String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String key = authorization.substring(BEARER.length()).strip();
			return key.isEmpty() ? null : key;
		}
		return null;
	}

	private Optional<RuntimeException> reject(Reason reason, RuntimeException refusal) {
		this.rejections.get(reason).increment();
		return Optional.of(refusal);
	}

	private enum Reason {

		MISSING("missing"), UNKNOWN("unknown"), EXPIRED("expired"), SCOPE("scope");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

	}

}
