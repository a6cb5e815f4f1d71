package io.modelport.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The keys file format and key generation.
 *
 * @author Modelport Team
 */
class KeysFileTests {

	@Test
	void aLineRoundTrips() {
		String key = KeysFile.newKey("ci");
		String line = KeysFile.line("ci", key, Set.of(Scope.TRAINING, Scope.INFERENCE),
				Instant.parse("2027-01-31T00:00:00Z"));
		assertThat(line).startsWith("ci sha256:").endsWith(" inference,training 2027-01-31T00:00:00Z");
		assertThat(line).doesNotContain(key);
		List<ApiKey> keys = KeysFile.parse(line, (problem) -> {
			throw new AssertionError(problem);
		});
		assertThat(keys).singleElement().satisfies((parsed) -> {
			assertThat(parsed.id()).isEqualTo("ci");
			assertThat(parsed.sha256()).isEqualTo(KeysFile.sha256(key));
			assertThat(parsed.scopes()).containsExactlyInAnyOrder(Scope.INFERENCE, Scope.TRAINING);
			assertThat(parsed.expiresAt()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
		});
	}

	@Test
	void keysAreRandomWithTheirIdAndAtLeast256BitsOfSecret() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String key = KeysFile.newKey("app");
			assertThat(key).matches("mp_app_[A-Za-z0-9_-]{43}");
			assertThat(seen.add(key)).isTrue();
		}
		assertThat(KeysFile.newId()).matches("[0-9a-f]{8}");
	}

	@Test
	void badLinesAreReportedAndSkippedWhileGoodOnesLoad() {
		String hash = "sha256:" + HexFormat.of().formatHex(KeysFile.sha256("x"));
		String content = String.join("\n", "# comment", "", "good " + hash + " management",
				"Bad-Id " + hash + " inference", "short " + hash, "nohash sha256:abc inference",
				"scope " + hash + " admin", "expiry " + hash + " inference 31/01/2027", "good " + hash + " training",
				"dated " + hash + " inference,management 2027-01-31");
		List<String> problems = new ArrayList<>();
		List<ApiKey> keys = KeysFile.parse(content, problems::add);
		assertThat(keys).extracting(ApiKey::id).containsExactly("good", "dated");
		assertThat(keys.get(1).expiresAt()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
		assertThat(problems).hasSize(6);
		assertThat(problems.get(0)).startsWith("line 4: the id must be");
		assertThat(problems.get(3)).contains("unknown scope 'admin'");
		assertThat(problems.get(5)).startsWith("line 9: the id 'good' is used twice");
	}

	@Test
	void expiryIsCheckedAtTheInstant() {
		ApiKey key = new ApiKey("k", new byte[32], Set.of(Scope.INFERENCE), Instant.parse("2027-01-31T00:00:00Z"));
		assertThat(key.expiredAt(Instant.parse("2027-01-30T23:59:59Z"))).isFalse();
		assertThat(key.expiredAt(Instant.parse("2027-01-31T00:00:00Z"))).isTrue();
		assertThat(new ApiKey("k", new byte[32], Set.of(), null).expiredAt(Instant.MAX)).isFalse();
	}

	@Test
	void scopesNeedAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeysFile.scopes(","));
		assertThat(KeysFile.scopes("Inference, training")).containsExactly(Scope.INFERENCE, Scope.TRAINING);
	}

}
