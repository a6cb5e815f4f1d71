package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster the test starts and stops itself ({@code initdb} and
 * {@code pg_ctl} from {@code /usr/lib/postgresql/<version>/bin}, run as {@code postgres}
 * when the test runs as root). Tests that need one skip where the binaries are absent,
 * unless {@code -Dmodelport.test.postgres.required=true} (CI) makes that a failure.
 *
 * @author Modelport Team
 */
final class PostgresServer implements AutoCloseable {

	private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

	private final Path bin;

	private final Path directory;

	private final int port;

	private final boolean asPostgres;

	private PostgresServer(Path bin, Path directory, int port, boolean asPostgres) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
		this.asPostgres = asPostgres;
	}

	/**
	 * Creates a cluster in a new temporary folder, or skips the test.
	 * @return the cluster, not started
	 */
	static PostgresServer create() {
		Optional<Path> bin = binaries();
		Assumptions.assumeTrue(bin.isPresent() || Boolean.getBoolean("modelport.test.postgres.required"),
				"no PostgreSQL binaries under " + INSTALLATIONS + " (Debian package postgresql)");
		if (bin.isEmpty()) {
			throw new IllegalStateException("PostgreSQL is required but there is none under " + INSTALLATIONS);
		}
		try {
			Path directory = Files.createTempDirectory("modelport-pg");
			boolean root = "root".equals(System.getProperty("user.name"));
			if (root) {
				UserPrincipal postgres = directory.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName("postgres");
				Files.setOwner(directory, postgres);
			}
			PostgresServer server = new PostgresServer(bin.get(), directory, ServiceProcess.freePort(), root);
			server.run("initdb", "-D", server.data().toString(), "-A", "trust", "-U", "postgres");
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JDBC URL of the {@code postgres} database.
	 * @return the URL
	 */
	String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	void start() {
		run("pg_ctl", "-D", data().toString(), "-l", this.directory.resolve("log").toString(), "-w", "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1", "start");
	}

	/**
	 * Stops the server at once, closing every connection ({@code -m fast}).
	 */
	void stop() {
		run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
	}

	@Override
	public void close() throws IOException {
		if (Files.exists(data().resolve("postmaster.pid"))) {
			stop();
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private void run(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.asPostgres) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Path> binaries() {
		if (!Files.isDirectory(INSTALLATIONS)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparing((bin) -> bin.getParent().getFileName().toString(),
						Comparator.comparingInt(PostgresServer::major)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static int major(String version) {
		try {
			return Integer.parseInt(version.replaceAll("\\D.*", ""));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
