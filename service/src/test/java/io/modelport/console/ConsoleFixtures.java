package io.modelport.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Folders for a service the browser tests start: its own store, data sets, job work
 * directory and H2 job store under one temporary root.
 *
 * @author Modelport Team
 */
final class ConsoleFixtures {

	static final Path SCENES = Path.of("src/test/resources/images/detection");

	private ConsoleFixtures() {
	}

	static Path serviceRoot(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A port that is free now. The service is started on it, rather than on a random one,
	 * so that the restart test gets the same port again, like a restarted server would.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void register(DynamicPropertyRegistry registry, Path root) {
		registry.add("modelport.store.location", () -> root.resolve("store").toString());
		registry.add("modelport.datasets.location", () -> root.resolve("datasets").toString());
		registry.add("modelport.training.work-dir", () -> root.resolve("jobs").toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/jobs")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

}
