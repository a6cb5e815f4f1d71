package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.modelport.ModelportApplication;

import static org.awaitility.Awaitility.await;

/**
 * The service as a process of its own, started from the test class path on 127.0.0.1, so
 * a test can kill it (SIGKILL) or stop it (SIGTERM) and start another on the same folders
 * and database.
 *
 * @author Modelport Team
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a service.
	 * @param port the port
	 * @param log where its output goes (appended)
	 * @param arguments its Spring Boot arguments ({@code --name=value})
	 * @return the running process
	 */
	static ServiceProcess start(int port, Path log, List<String> arguments) {
		return start(List.of("-Xmx512m"), null, port, log, arguments);
	}

	/**
	 * Starts a service with JVM options of its own, from the test class path or from a
	 * packaged jar.
	 * @param jvmOptions options before the main class ({@code -Xmx...})
	 * @param jar the Spring Boot jar, or {@code null} for the test class path
	 * @param port the port
	 * @param log where its output goes (appended)
	 * @param arguments its Spring Boot arguments
	 * @return the running process
	 */
	static ServiceProcess start(List<String> jvmOptions, Path jar, int port, Path log, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Dai.djl.offline=true"));
		if (jar != null) {
			command.addAll(List.of("-jar", jar.toString()));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), ModelportApplication.class.getName()));
		}
		// The forked service gets what Surefire gives the tests' own JVM: every scope
		// open.
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--modelport.security.open-scopes=inference,management,training"));
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new ServiceProcess(process, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A port nothing listens on now.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The service's base address.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	/**
	 * Waits until readiness answers 200.
	 * @return this
	 */
	ServiceProcess awaitReady() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build();
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service exited: " + tail());
			}
			return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		});
		return this;
	}

	/**
	 * SIGKILL: no shutdown hooks, nothing flushed.
	 */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/**
	 * SIGTERM: graceful shutdown.
	 */
	void stop() {
		this.process.destroy();
		waitFor();
	}

	/**
	 * The end of its output, for failure messages.
	 * @return the last lines
	 */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Finds live processes whose command line contains a string, wherever they are in the
	 * process tree (a worker whose service was killed is re-parented).
	 * @param text the string
	 * @return the processes
	 */
	static List<ProcessHandle> processesMentioning(String text) {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> commandLine(process).map((line) -> line.contains(text)).orElse(false))
			.toList();
	}

	// ProcessHandle.Info drops long command lines, so /proc is read (Linux).
	private static Optional<String> commandLine(ProcessHandle process) {
		try {
			return Optional
				.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"))));
		}
		catch (IOException ex) {
			return process.info().commandLine();
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("the service did not exit in 90 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			waitFor();
		}
	}

}
