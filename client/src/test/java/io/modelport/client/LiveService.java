package io.modelport.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real service for integration tests: the {@code service} module's packaged jar,
 * started once per test JVM as a process of its own on a free 127.0.0.1 port, in a
 * temporary folder holding a copy of the shipped model store (so promotions, uploads and
 * trained versions touch nothing in the repository). The {@code local} profile opens
 * every scope. The reactor builds the service first; the jar's path comes from the
 * {@code modelport.jar} system property that the build sets.
 *
 * @author Modelport Team
 */
public final class LiveService {

	private static LiveService instance;

	private final Process process;

	private final Path folder;

	private final int port;

	private final int grpcPort;

	private final Path jar;

	private LiveService(Process process, Path folder, int port, int grpcPort, Path jar) {
		this.process = process;
		this.folder = folder;
		this.port = port;
		this.grpcPort = grpcPort;
		this.jar = jar;
	}

	/**
	 * The service, started on first use and stopped when the JVM exits.
	 * @return the running service
	 */
	public static synchronized LiveService get() {
		if (instance == null) {
			instance = start();
			LiveService started = instance;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
		}
		return instance;
	}

	/**
	 * The base address.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The port of the Open Inference Protocol's gRPC server.
	 * @return the port
	 */
	public int grpcPort() {
		return this.grpcPort;
	}

	/**
	 * Whether the service jar has the gRPC server (the {@code modelport.grpc} package).
	 * @return whether gRPC is served
	 */
	public boolean servesGrpc() {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(this.jar.toFile())) {
			return zip.getEntry("BOOT-INF/classes/io/modelport/oip/grpc/GrpcServer.class") != null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The folder the service runs in ({@code model-store/}, {@code data/}, its log).
	 * @return the folder
	 */
	public Path folder() {
		return this.folder;
	}

	/**
	 * A client of the service.
	 * @return the client
	 */
	public ModelportClient client() {
		return ModelportClient.builder().baseUri(base()).requestTimeout(Duration.ofSeconds(120)).build();
	}

	/**
	 * A test resource of the service module, for example
	 * {@code images/fashion-mnist/trouser.png}.
	 * @param path the path under {@code service/src/test/resources}
	 * @return the file
	 */
	public static Path resource(String path) {
		return Path.of(property("modelport.test-resources")).resolve(path);
	}

	private static LiveService start() {
		Path jar = Path.of(property("modelport.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build the service module first "
					+ "(./mvnw -pl client -am verify builds it in the same run)");
		}
		try {
			Path folder = Files.createTempDirectory("modelport-client-it");
			copy(Path.of(property("modelport.store")), folder.resolve("model-store"));
			int port = freePort();
			int grpcPort = freePort();
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
							"-XX:+ExitOnOutOfMemoryError", "-Dai.djl.offline=true", "-jar", jar.toString(),
							"--server.port=" + port, "--server.address=127.0.0.1", "--modelport.grpc.port=" + grpcPort,
							"--modelport.grpc.address=127.0.0.1", "--spring.profiles.active=local"));
			Process process = new ProcessBuilder(command).directory(folder.toFile())
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("service.log").toFile())
				.start();
			LiveService service = new LiveService(process, folder, port, grpcPort, jar);
			service.awaitReady();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service exited (" + this.process.exitValue() + "): " + log());
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while the service started", ex);
			}
			pause();
		}
		stop();
		throw new IllegalStateException("the service was not ready within 240 s: " + log());
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The end of the service's log, for failure messages.
	 * @return the last lines
	 */
	public String log() {
		try {
			List<String> lines = Files.readAllLines(this.folder.resolve("service.log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException(
					"system property " + name + " is not set; the client module's " + "Surefire configuration sets it");
		}
		return value;
	}

}
