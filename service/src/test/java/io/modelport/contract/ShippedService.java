package io.modelport.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelport.LocalHttp;
import io.modelport.jobs.JobRunner;

import static org.awaitility.Awaitility.await;

/**
 * The service as a new user runs it: the repository's shipped {@code model-store/}
 * (copied to a temporary folder, so nothing the tests do dirties the work tree), every
 * scope open as in the {@code local} profile, on a random port. Training workers stay
 * idle: a submitted job is accepted and shown, but spends no CPU. Its suites run in
 * Failsafe with the other full-context tests.
 *
 * @author Modelport Team
 */
@Tag("integration")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ShippedService.IdleWorkers.class)
abstract class ShippedService {

	static final Path ROOT = repositoryRoot();

	static final Path TEMP = temporary();

	@LocalServerPort
	int port;

	LocalHttp http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", () -> TEMP.resolve("model-store").toString());
		registry.add("modelport.datasets.location", () -> TEMP.resolve("datasets").toString());
		registry.add("modelport.training.work-dir", () -> TEMP.resolve("jobs").toString());
		registry.add("modelport.security.open-scopes", () -> "inference,management,training");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:shipped-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@BeforeEach
	void ready() {
		this.http = LocalHttp.ready(this.port);
		await().atMost(Duration.ofSeconds(180))
			.until(() -> !this.http.get("/api/v1/models").getBody().contains("LOADING"));
	}

	static Path repositoryRoot() {
		Path here = Path.of("").toAbsolutePath();
		for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
			if (Files.isDirectory(candidate.resolve("model-store")) && Files.exists(candidate.resolve("mvnw"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("no repository root above " + here);
	}

	private static Path temporary() {
		try {
			Path temp = Files.createTempDirectory("modelport-shipped-");
			copy(repositoryRoot().resolve("model-store"), temp.resolve("model-store"));
			return temp;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	/**
	 * Workers that never train: the examples' jobs are accepted and listed, and end as
	 * cancelled at once.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class IdleWorkers {

		@Bean
		@Primary
		JobRunner idleJobRunner() {
			return (jobId, jobDirectory, listener) -> () -> listener.onExit(143, "cancelled");
		}

	}

}
