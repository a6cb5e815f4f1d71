package io.modelport.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keys file format, one key per line, fields separated by blanks:
 * {@code id sha256:<hex> scope[,scope...] [expiry]}, where expiry is an ISO-8601 instant
 * or a date (midnight UTC). Blank lines and lines starting with {@code #} are ignored. A
 * bad line is reported and skipped, so one typo never disables the other keys.
 * <p>
 * Keys look like {@code mp_<id>_<secret>} with 256 random bits of secret, so a plain
 * SHA-256 is enough at rest: there is nothing to guess from the hash.
 *
 * @author Modelport Team
 */
final class KeysFile {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private static final String PREFIX = "mp_";

	private static final String HASH_PREFIX = "sha256:";

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	private static final SecureRandom random = new SecureRandom();

	private KeysFile() {
	}

	/**
	 * Reads a keys file's content.
	 * @param content the file's text
	 * @param problems told about each skipped line
	 * @return the keys of the valid lines
	 */
	static List<ApiKey> parse(String content, Consumer<String> problems) {
		List<ApiKey> keys = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		String[] lines = content.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				ApiKey key = parseLine(line);
				if (!ids.add(key.id())) {
					throw new IllegalArgumentException("the id '" + key.id() + "' is used twice");
				}
				keys.add(key);
			}
			catch (IllegalArgumentException ex) {
				problems.accept("line " + (i + 1) + ": " + ex.getMessage());
			}
		}
		return keys;
	}

	private static ApiKey parseLine(String line) {
		String[] fields = line.split("\\s+");
		if (fields.length < 3 || fields.length > 4) {
			throw new IllegalArgumentException("expected 'id sha256:<hex> scopes [expiry]'");
		}
		String id = fields[0];
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("the id must be 1-32 lower-case letters, digits or '-'");
		}
		String hash = fields[1];
		if (!hash.startsWith(HASH_PREFIX) || !HEX.matcher(hash.substring(HASH_PREFIX.length())).matches()) {
			throw new IllegalArgumentException("the hash must be sha256: and 64 lower-case hex digits");
		}
		Set<Scope> scopes = scopes(fields[2]);
		Instant expiry = (fields.length == 4) ? expiry(fields[3]) : null;
		return new ApiKey(id, HexFormat.of().parseHex(hash.substring(HASH_PREFIX.length())), scopes, expiry);
	}

	/**
	 * Reads a comma-separated scope list.
	 * @param text the list, for example {@code inference,training}
	 * @return the scopes, at least one
	 */
	static Set<Scope> scopes(String text) {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String name : text.split(",")) {
			if (!name.isBlank()) {
				scopes.add(Scope.fromId(name));
			}
		}
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("at least one scope is required");
		}
		return scopes;
	}

	/**
	 * Reads an expiry.
	 * @param text an ISO-8601 instant or a date
	 * @return the instant
	 */
	static Instant expiry(String text) {
		try {
			return (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"the expiry '" + text + "' is not an ISO-8601 instant (2027-01-31T00:00:00Z) or date");
		}
	}

	/**
	 * Makes a new random key.
	 * @param id the key's id, which the key carries so logs can name it
	 * @return the key, to be shown once
	 */
	static String newKey(String id) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/**
	 * Makes a new random key id.
	 * @return eight lower-case hex digits
	 */
	static String newId() {
		byte[] bytes = new byte[4];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * The keys file line of a key.
	 * @param id the key's id
	 * @param key the key
	 * @param scopes its scopes
	 * @param expiresAt its expiry, or {@code null}
	 * @return the line, without a line break
	 */
	static String line(String id, String key, Set<Scope> scopes, Instant expiresAt) {
		String line = id + " " + HASH_PREFIX + HexFormat.of().formatHex(sha256(key)) + " "
				+ scopes.stream().sorted().map(Scope::id).collect(Collectors.joining(","));
		return (expiresAt != null) ? line + " " + expiresAt : line;
	}

	/**
	 * Hashes a presented key.
	 * @param key the key
	 * @return its SHA-256
	 */
	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
