package io.modelport.benchmarks.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server under test in its own process: started with a command, ready when a GET of its
 * readiness path answers 200, measured by the resident memory of its whole process tree
 * (uvicorn's workers are child processes).
 *
 * @author Modelport Team
 */
final class ServerProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private final long startedAt;

	private ServerProcess(String name, Process process, int port, Path log, long startedAt) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
		this.startedAt = startedAt;
	}

	/**
	 * Starts a server.
	 * @param name what the table calls it
	 * @param command the command line
	 * @param environment extra environment variables
	 * @param port the port it listens on
	 * @param log where its output goes
	 * @return the running process
	 */
	static ServerProcess start(String name, List<String> command, Map<String, String> environment, int port, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			long startedAt = System.nanoTime();
			return new ServerProcess(name, builder.start(), port, log, startedAt);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	/**
	 * Waits until the readiness path answers 200.
	 * @param path the readiness path
	 * @param timeoutSeconds how long to wait
	 * @return seconds from the process start to the first 200
	 */
	double awaitReady(String path, int timeoutSeconds) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited: " + tail());
			}
			try {
				if (Http.get(this.port, path) == 200) {
					return (System.nanoTime() - this.startedAt) / 1e9;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			sleep(20);
		}
		throw new IllegalStateException(this.name + " was not ready in " + timeoutSeconds + " s: " + tail());
	}

	/**
	 * The resident memory of the process and its descendants.
	 * @return MiB
	 */
	double rssMiB() {
		return Stream.concat(Stream.of(this.process.toHandle()), this.process.toHandle().descendants())
			.mapToLong(ServerProcess::rssKiB)
			.sum() / 1024.0;
	}

	private static long rssKiB(ProcessHandle handle) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended
		}
		return 0;
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		List<ProcessHandle> children = this.process.toHandle().descendants().toList();
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
