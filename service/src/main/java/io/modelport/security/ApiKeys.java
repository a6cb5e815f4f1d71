package io.modelport.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The keys of the keys file. The file is read again when a request comes more than the
 * check interval after the last look and its bytes changed, so adding a new key and
 * removing the old one rotates a key without a restart. A missing or unreadable file
 * means no keys: closed scopes then refuse every request.
 *
 * @author Modelport Team
 */
class ApiKeys {

	private static final Log logger = LogFactory.getLog(ApiKeys.class);

	private final Path file;

	private final Duration checkInterval;

	private final Clock clock;

	private volatile List<ApiKey> keys = List.of();

	private volatile Instant nextCheck = Instant.MIN;

	private byte[] content;

	ApiKeys(Path file, Duration checkInterval, Clock clock) {
		this.file = file;
		this.checkInterval = checkInterval;
		this.clock = clock;
		refresh();
	}

	/**
	 * Finds the key a request presented. Every stored hash is compared in constant time,
	 * so the answer's timing does not tell how much of a hash matched.
	 * @param presented the key from the request
	 * @return the matching key, expired or not
	 */
	Optional<ApiKey> find(String presented) {
		refreshIfDue();
		byte[] hash = KeysFile.sha256(presented);
		ApiKey found = null;
		for (ApiKey key : this.keys) {
			if (MessageDigest.isEqual(key.sha256(), hash)) {
				found = key;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The keys now in force, after looking at the file if it is due.
	 * @return the keys
	 */
	List<ApiKey> keys() {
		refreshIfDue();
		return this.keys;
	}

	Instant now() {
		return this.clock.instant();
	}

	private void refreshIfDue() {
		if (this.file != null && !now().isBefore(this.nextCheck)) {
			refresh();
		}
	}

	private synchronized void refresh() {
		if (this.file == null || now().isBefore(this.nextCheck)) {
			return;
		}
		this.nextCheck = now().plus(this.checkInterval);
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(this.file);
		}
		catch (NoSuchFileException ex) {
			bytes = new byte[0];
			if (this.content == null || this.content.length > 0) {
				logger.warn("API keys file " + this.file + " does not exist: closed scopes refuse every request");
			}
		}
		catch (IOException ex) {
			logger.error("Cannot read the API keys file " + this.file + ": " + ex.getMessage()
					+ "; closed scopes refuse every request until it is readable");
			this.content = null;
			this.keys = List.of();
			return;
		}
		if (Arrays.equals(bytes, this.content)) {
			return;
		}
		this.content = bytes;
		List<ApiKey> loaded = KeysFile.parse(new String(bytes, StandardCharsets.UTF_8),
				(problem) -> logger.error("API keys file " + this.file + ", " + problem + " (line skipped)"));
		this.keys = List.copyOf(loaded);
		logger.info("Loaded " + loaded.size() + " API keys from " + this.file
				+ (loaded.isEmpty() ? "" : ": " + loaded.stream().map(ApiKey::id).collect(Collectors.joining(", "))));
	}

}
