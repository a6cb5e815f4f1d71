package io.modelport.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.jobs.worker.TrainingWorker;

/**
 * Runs each job in its own JVM: the same code started in worker mode. DJL allows one
 * training per JVM, and a crash or an out-of-memory in training must never take serving
 * down, so the service only reads the worker's event lines and exit code.
 *
 * @author Modelport Team
 */
public class ProcessJobRunner implements JobRunner {

	private static final Log logger = LogFactory.getLog(ProcessJobRunner.class);

	private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
	};

	private final TrainingProperties properties;

	private final JsonMapper json;

	public ProcessJobRunner(TrainingProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	public RunningWorker start(String jobId, Path jobDirectory, Listener listener) {
		List<String> command = command(jobDirectory.resolve(TrainingWorker.SPEC_FILE));
		Path log = jobDirectory.resolve(TrainingWorker.LOG_FILE);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start a training worker", ex);
		}
		logger.info("Started training worker " + process.pid() + " for job " + jobId);
		Thread reader = new Thread(() -> pump(process, log, listener), "training-worker-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		return () -> stop(process);
	}

	/**
	 * The worker command: the running JVM's java binary and class path, in worker mode.
	 * @param spec the job's spec file
	 * @return the command line
	 */
	List<String> command(Path spec) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx" + this.properties.workerHeap());
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-Dai.djl.offline=true");
		if (!this.properties.workerJvmOptions().isBlank()) {
			command.addAll(Arrays.asList(this.properties.workerJvmOptions().strip().split("\\s+")));
		}
		String launcher = System.getProperty("sun.java.command", "").split(" ")[0];
		if (launcher.endsWith(".jar")) {
			command.addAll(List.of("-jar", launcher));
		}
		else {
			// A Spring Boot launcher (extracted layers) hands the arguments to the
			// application;
			// anything else (IDE, tests) runs the application class from the class path.
			String main = launcher.startsWith("org.springframework.boot.loader") ? launcher
					: io.modelport.ModelportApplication.class.getName();
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
		}
		command.addAll(List.of(TrainingWorker.MODE, spec.toString()));
		return command;
	}

	private void pump(Process process, Path log, Listener listener) {
		Deque<String> tail = new ArrayDeque<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith(TrainingWorker.EVENT_PREFIX)) {
					event(process, listener, line.substring(TrainingWorker.EVENT_PREFIX.length()));
					continue;
				}
				out.write(line);
				out.write('\n');
				out.flush();
				tail.addLast(line);
				if (tail.size() > 20) {
					tail.removeFirst();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Lost the output of training worker " + process.pid() + ": " + ex.getMessage());
		}
		int exit;
		try {
			exit = process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			exit = -1;
		}
		listener.onExit(exit, String.join("\n", tail));
	}

	// One event that cannot be handled must not stop the reading: a worker whose output
	// is no longer read blocks once the pipe is full, and its job never ends.
	private void event(Process process, Listener listener, String event) {
		try {
			listener.onEvent(this.json.readValue(event, EVENT));
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot handle an event of training worker " + process.pid() + ": " + ex.getMessage());
		}
	}

	private void stop(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(this.properties.cancelGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
