package io.modelport.jobs.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.store.Task;
import io.modelport.training.ModelPublisher;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingProgress;
import io.modelport.training.TrainingTask;
import io.modelport.training.TrainingTasks;

/**
 * The training worker: a separate JVM started by the service for one job
 * ({@code modelport train-worker <job>/spec.json}). It trains with checkpoints in
 * {@code <job>/work} (resuming from them when present), prints one event line per step of
 * progress, and leaves the finished version folder in {@code <job>/output} for the
 * service to publish. Exit code 0 means the output is complete.
 *
 * @author Modelport Team
 */
public final class TrainingWorker {

	/** The first program argument that selects worker mode. */
	public static final String MODE = "train-worker";

	/** The spec file name in a job folder. */
	public static final String SPEC_FILE = "spec.json";

	/** The worker's log file name in a job folder. */
	public static final String LOG_FILE = "worker.log";

	/** The prefix of event lines on standard output; other lines are logs. */
	public static final String EVENT_PREFIX = "@@modelport-event ";

	/**
	 * The file a worker started with a second argument appends its events to, one JSON
	 * object a line: a Kubernetes Job's pod has no parent process to read its output.
	 */
	public static final String EVENTS_FILE = "events.jsonl";

	/** The exit code of a run that failed with a reported reason. */
	public static final int FAILED = 2;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final PrintStream events = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private static volatile Path eventsFile;

	private TrainingWorker() {
	}

	/**
	 * Runs one job.
	 * @param args the spec file, and optionally a file to append the events to as well
	 */
	public static void main(String[] args) {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		watchParent();
		try {
			eventsFile = (args.length > 1) ? Path.of(args[1]) : null;
			Path spec = Path.of(args[0]);
			run(json.readValue(spec.toFile(), WorkerSpec.class), spec.getParent());
			System.exit(0);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			emit("failed", Map.of("reason", describe(ex)));
			System.exit(FAILED);
		}
	}

	static void run(WorkerSpec spec, Path jobDirectory) throws IOException {
		String id = (spec.task() != null) ? spec.task() : Task.CLASSIFIER.id();
		TrainingTask task = TrainingTasks.load()
			.find(id)
			.orElseThrow(() -> new IllegalArgumentException("no training plug-in for task " + id));
		task.prepareWorker();
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		emit("started", Map.of("device", device.toString(), "pid", ProcessHandle.current().pid()));
		TaskRun run = new TaskRun(spec.jobId(), spec.model(), spec.architectureParameters(), spec.settings(),
				spec.dataset(), spec.width(), spec.height(), spec.trainLimit(), spec.testLimit(),
				spec.taskSettings(task.settingsField()), jobDirectory.resolve("work"), spec.initFrom(),
				(spec.initFrom() != null) ? jobDirectory.resolve(WorkerSpec.PARENT_FOLDER) : null);
		TrainedModel trained = task.train(run, device,
				TrainingProgress.of((epoch) -> emit("epoch", Map.of("result", epoch)),
						(progress) -> emit("progress", Map.of("progress", progress))));
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		Map<String, byte[]> files = new LinkedHashMap<>(trained.files());
		files.put(ModelPublisher.EVALUATION_FILE, json.writeValueAsBytes(trained.evaluation()));
		ModelPublisher.publish(output, trained.template(), trained.parameters(), 1, files);
		emit("finished", trained.evaluation().summary());
	}

	static synchronized void emit(String event, Map<String, Object> fields) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("event", event);
		line.putAll(fields);
		String text = json.writeValueAsString(line);
		events.println(EVENT_PREFIX + text);
		Path file = eventsFile;
		if (file != null) {
			try {
				Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot append to " + file, ex);
			}
		}
	}

	// A worker whose service died must not keep training (and writing into a job folder a
	// restarted service may hand to a new worker).
	private static void watchParent() {
		Optional<ProcessHandle> parent = ProcessHandle.current().parent();
		if (parent.isEmpty()) {
			return;
		}
		Thread watcher = new Thread(() -> {
			parent.get().onExit().join();
			System.exit(3);
		}, "parent-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static String describe(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return Arrays.stream(message.split("\n")).findFirst().orElse(message);
	}

}
