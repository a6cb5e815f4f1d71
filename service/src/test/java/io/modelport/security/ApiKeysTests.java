package io.modelport.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key store: hashes only, and a keys file that is re-read when it changes.
 *
 * @author Modelport Team
 */
class ApiKeysTests {

	@TempDir
	Path directory;

	private final MutableClock clock = new MutableClock();

	@Test
	void findsAKeyByItsHashOnly() throws IOException {
		String key = KeysFile.newKey("one");
		Path file = write(KeysFile.line("one", key, Set.of(Scope.MANAGEMENT), null));
		ApiKeys keys = new ApiKeys(file, Duration.ofSeconds(2), this.clock);
		assertThat(keys.find(key)).hasValueSatisfying((found) -> assertThat(found.id()).isEqualTo("one"));
		assertThat(keys.find(key + "x")).isEmpty();
		assertThat(keys.find(KeysFile.newKey("one"))).isEmpty();
		assertThat(Files.readString(file)).doesNotContain(key);
	}

	@Test
	void rotationNeedsNoRestart() throws IOException {
		String old = KeysFile.newKey("old");
		String replacement = KeysFile.newKey("new");
		Path file = write(KeysFile.line("old", old, Set.of(Scope.MANAGEMENT), null));
		ApiKeys keys = new ApiKeys(file, Duration.ofSeconds(2), this.clock);
		assertThat(keys.find(old)).isPresent();
		write(KeysFile.line("old", old, Set.of(Scope.MANAGEMENT), null) + "\n"
				+ KeysFile.line("new", replacement, Set.of(Scope.MANAGEMENT), null));
		// Not looked at again before the interval.
		assertThat(keys.find(replacement)).isEmpty();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(keys.find(replacement)).isPresent();
		assertThat(keys.find(old)).isPresent();
		write(KeysFile.line("new", replacement, Set.of(Scope.MANAGEMENT), null));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(keys.find(old)).isEmpty();
		assertThat(keys.find(replacement)).isPresent();
	}

	@Test
	void aMissingFileOrNoFileMeansNoKeys() throws IOException {
		String key = KeysFile.newKey("k");
		Path file = this.directory.resolve("keys");
		ApiKeys keys = new ApiKeys(file, Duration.ofSeconds(1), this.clock);
		assertThat(keys.keys()).isEmpty();
		write(KeysFile.line("k", key, Set.of(Scope.TRAINING), null));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(keys.find(key)).isPresent();
		Files.delete(file);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(keys.find(key)).isEmpty();
		assertThat(new ApiKeys(null, Duration.ofSeconds(1), this.clock).find(key)).isEmpty();
	}

	private Path write(String content) throws IOException {
		return Files.writeString(this.directory.resolve("keys"), content + "\n");
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
