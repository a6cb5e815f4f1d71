package io.modelport.security;

import java.time.Instant;
import java.util.Set;

/**
 * One line of the keys file: the key itself is never stored, only its SHA-256.
 *
 * @param id the key's name, safe to log
 * @param sha256 the SHA-256 of the whole key string
 * @param scopes what the key may do
 * @param expiresAt when it stops working, or {@code null} for never
 * @author Modelport Team
 */
record ApiKey(String id, byte[] sha256, Set<Scope> scopes, Instant expiresAt) {

	boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

}
