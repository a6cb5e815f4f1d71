package io.modelport.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.ModelportApplication;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys create}: the key is printed once, the line holds only its hash, and the key
 * it made is accepted by a key store reading that line.
 *
 * @author Modelport Team
 */
@SlowTest
class KeysCommandTests {

	@TempDir
	Path directory;

	@Test
	void createsAKeyAndItsLine() {
		Output output = run("create", "--scopes", "inference,training", "--id", "ci", "--expires", "2030-06-30");
		assertThat(output.status()).isZero();
		List<String> lines = output.out().lines().toList();
		String key = lines.get(1);
		String line = lines.get(3);
		assertThat(key).startsWith("mp_ci_");
		assertThat(line).startsWith("ci sha256:").endsWith(" inference,training 2030-06-30T00:00:00Z");
		assertThat(line).doesNotContain(key);
		ApiKey parsed = KeysFile.parse(line, (problem) -> {
			throw new AssertionError(problem);
		}).get(0);
		assertThat(parsed.sha256()).isEqualTo(KeysFile.sha256(key));
		assertThat(parsed.expiresAt()).isEqualTo(Instant.parse("2030-06-30T00:00:00Z"));
	}

	@Test
	void appendsToTheKeysFileSoTheServiceSeesTheKey() throws IOException {
		Path file = this.directory.resolve("keys");
		Output first = run("create", "--scopes", "management", "--append", file.toString());
		Output second = run("create", "--scopes", "training", "--append", file.toString());
		assertThat(first.status()).isZero();
		assertThat(second.status()).isZero();
		ApiKeys keys = new ApiKeys(file, Duration.ofSeconds(1), Clock.systemUTC());
		assertThat(keys.keys()).hasSize(2);
		String key = second.out().lines().toList().get(1);
		assertThat(keys.find(key))
			.hasValueSatisfying((found) -> assertThat(found.scopes()).containsOnly(Scope.TRAINING));
		assertThat(Files.readString(file)).doesNotContain(key);
	}

	@Test
	void badArgumentsPrintTheUsage() {
		for (String[] args : new String[][] { {}, { "delete" }, { "create" }, { "create", "--scopes", "admin" },
				{ "create", "--scopes", "inference", "--id", "Bad_Id" }, { "create", "--scopes" },
				{ "create", "--scopes", "inference", "--expires", "soon" } }) {
			Output output = run(args);
			assertThat(output.status()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(output.err()).contains("usage: keys create --scopes");
			assertThat(output.out()).isEmpty();
		}
	}

	@Test
	void theJarsMainRunsTheCommandWithoutStartingTheService() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ModelportApplication.class.getName(), "keys", "create", "--scopes", "management", "--id", "ops")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(out).isZero();
		assertThat(out).contains("mp_ops_").containsPattern("(?m)^ops sha256:[0-9a-f]{64} management$");
		assertThat(out).doesNotContain("Spring", "Tomcat");
		Process bad = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ModelportApplication.class.getName(), "keys", "create")
			.redirectErrorStream(true)
			.start();
		assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(bad.exitValue()).isEqualTo(2);
	}

	private static Output run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int status, String out, String err) {

	}

}
