package io.modelport.training;

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
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DetectionDatasets;
import io.modelport.datasets.ImageDatasets;
import io.modelport.datasets.KjvBible;
import io.modelport.datasets.LabelledImages;
import io.modelport.detection.training.DetectorTraining;
import io.modelport.faces.training.FaceImages;
import io.modelport.faces.training.FaceSettings;
import io.modelport.faces.training.FaceTraining;
import io.modelport.nn.ConvClassifier;
import io.modelport.seq2seq.training.DateExamples;
import io.modelport.seq2seq.training.PairSplits;
import io.modelport.seq2seq.training.Pronunciations;
import io.modelport.seq2seq.training.Seq2SeqData;
import io.modelport.seq2seq.training.Seq2SeqSettings;
import io.modelport.seq2seq.training.Seq2SeqTraining;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.words.training.Corpus;
import io.modelport.words.training.Word2VecSettings;
import io.modelport.words.training.Word2VecTraining;

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

	// Uploads were checked against the service's limit; this only guards a worker.
	private static final long MAX_IMAGE_PIXELS = 64_000_000L;

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
		if (Task.SEQ2SEQ.id().equals(spec.task())) {
			Seq2SeqTraining.preferOneThread();
		}
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		emit("started", Map.of("device", device.toString(), "pid", ProcessHandle.current().pid()));
		if (Task.DETECTOR.id().equals(spec.task())) {
			runDetector(spec, jobDirectory, device);
			return;
		}
		if (Task.FACE_VERIFIER.id().equals(spec.task())) {
			runVerifier(spec, jobDirectory, device);
			return;
		}
		if (Task.WORD2VEC.id().equals(spec.task())) {
			runWords(spec, jobDirectory, device);
			return;
		}
		if (Task.SEQ2SEQ.id().equals(spec.task())) {
			runSeq2Seq(spec, jobDirectory, device);
			return;
		}
		// 0 means the data set's own size (IDX files), or 28 × 28 for image folders.
		int width = (spec.width() > 0) ? spec.width() : detail(spec, "width");
		int height = (spec.height() > 0) ? spec.height() : detail(spec, "height");
		LabelledImages data = ImageDatasets.load(spec.dataset(), width, height);
		ImageSet train = limit(data.train(), spec.trainLimit());
		ImageSet test = (data.test() != null) ? limit(data.test(), spec.testLimit()) : null;
		Map<String, Object> parameters = new LinkedHashMap<>(spec.architectureParameters());
		parameters.put("classes", data.labels().size());
		ConvClassifier architecture = ConvClassifier.fromParameters(parameters);
		TrainingSettings settings = spec.settings().withDefaults();
		DataSplits splits = DataSplits.of(train, test, settings);
		TrainingReport report = new ClassifierTrainer(architecture, settings, device).train(splits,
				jobDirectory.resolve("work"), (epoch) -> emit("epoch", Map.of("result", epoch)));
		ModelDescriptor template = TrainedClassifier.descriptor(spec.model(), 1, architecture, settings, report,
				data.labels(), "training job " + spec.jobId(), "data set '" + spec.dataset().name() + "'");
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		ModelPublisher.publish(output, template, report.parameters(), 1, Map.of(TrainedClassifier.EVALUATION_FILE,
				json.writeValueAsBytes(TrainedClassifier.evaluation(report, data.labels()))));
		emit("finished", Map.of("testAccuracy", report.test().accuracy()));
	}

	// Scenes are composed from the data set's item images at their own size; the input
	// width is the scene side (default 96), the limits are the scene counts.
	private static void runDetector(WorkerSpec spec, Path jobDirectory, Device device) throws IOException {
		DetectorTraining.Request request = new DetectorTraining.Request(spec.model(), spec.architectureParameters(),
				spec.settings().withDefaults(), (spec.width() > 0) ? spec.width() : 96,
				(spec.trainLimit() > 0) ? spec.trainLimit() : 6000, (spec.testLimit() > 0) ? spec.testLimit() : 1000,
				"training job " + spec.jobId(), "scenes of data set '" + spec.dataset().name() + "' items");
		Consumer<EpochResult> progress = (epoch) -> emit("epoch", Map.of("result", epoch));
		Path work = jobDirectory.resolve("work");
		// Uploaded detection data sets bring their own labelled images; image data sets
		// lend their items to composed scenes.
		DetectorTraining.Result result = spec.dataset().kind().isDetection()
				? DetectorTraining.run(request, DetectionDatasets.load(spec.dataset(), MAX_IMAGE_PIXELS), work, device,
						progress)
				: DetectorTraining.run(request,
						ImageDatasets.load(spec.dataset(), detail(spec, "width"), detail(spec, "height")), work, device,
						progress);
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		ModelPublisher.publish(output, result.template(), result.parameters(), 1,
				Map.of(TrainedClassifier.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation())));
		emit("finished", Map.of("testMap50", result.evaluation().get("testMap50")));
	}

	// An image-folders data set read as one folder per identity; the input size defaults
	// to the faces' own, shrunk to at most 64 pixels a side.
	private static void runVerifier(WorkerSpec spec, Path jobDirectory, Device device) throws IOException {
		FaceImages faces = FaceImages.readFolders(spec.dataset().dataDirectory(), MAX_IMAGE_PIXELS);
		int[] size = FaceTraining.defaultInputSize(faces.width(), faces.height());
		FaceSettings faceSettings = ((spec.faces() != null) ? spec.faces() : FaceSettings.unset()).withDefaults();
		FaceTraining.Request request = new FaceTraining.Request(spec.model(), spec.architectureParameters(),
				spec.settings().withDefaults(), faceSettings, (spec.width() > 0) ? spec.width() : size[0],
				(spec.height() > 0) ? spec.height() : size[1], "training job " + spec.jobId(),
				"data set '" + spec.dataset().name() + "'");
		FaceTraining.Result result = FaceTraining.run(request, faces, jobDirectory.resolve("work"), device,
				(epoch) -> emit("epoch", Map.of("result", epoch)));
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		ModelPublisher.publish(output, result.template(), result.parameters(), 1,
				Map.of(TrainedClassifier.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()),
						FaceTraining.ROC_FILE, result.roc()));
		emit("finished", Map.of("testAuc", result.evaluation().get("testAuc"), "testAccuracy",
				result.evaluation().get("testAccuracy")));
	}

	// An uploaded text data set is read from its corpus file; the built-in KJV is printed
	// by its program into the work folder first.
	private static void runWords(WorkerSpec spec, Path jobDirectory, Device device) throws IOException {
		Word2VecSettings settings = ((spec.words() != null) ? spec.words() : Word2VecSettings.unset()).withDefaults();
		Path work = jobDirectory.resolve("work");
		Files.createDirectories(work);
		Path text = spec.dataset().textFile();
		if (spec.dataset().isBuiltIn()) {
			text = work.resolve("corpus.txt");
			KjvBible.write(spec.dataset().directory(), text);
		}
		Corpus corpus = Corpus.read(text, Word2VecTraining.tokenizer(), settings.minCount(), settings.maxVocabulary());
		Word2VecTraining.Request request = new Word2VecTraining.Request(spec.model(), settings,
				"training job " + spec.jobId(), "data set '" + spec.dataset().name() + "'");
		Word2VecTraining.Result result = Word2VecTraining.run(request, corpus, work, device,
				(epoch) -> emit("epoch", Map.of("result", epoch)));
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		ModelPublisher.publish(output, result.template(), result.vectors(), 1, Map.of(TrainedClassifier.EVALUATION_FILE,
				json.writeValueAsBytes(result.evaluation()), Word2VecTraining.LOSS_FILE, result.lossChart()));
		emit("finished",
				Map.of(Word2VecTraining.QUALITY_METRIC, result.evaluation().get(Word2VecTraining.QUALITY_METRIC)));
	}

	// The built-in pair sets are generated (dates) or read from the dictionary file their
	// details name; uploads are tab-separated pairs files.
	private static void runSeq2Seq(WorkerSpec spec, Path jobDirectory, Device device) throws IOException {
		Seq2SeqSettings seq2seq = ((spec.seq2seq() != null) ? spec.seq2seq() : Seq2SeqSettings.unset()).withDefaults();
		TrainingSettings settings = Seq2SeqSettings.trainingDefaults(spec.settings());
		Dataset dataset = spec.dataset();
		boolean builtIn = dataset.isBuiltIn();
		PairSplits splits;
		String description;
		if (builtIn && Seq2SeqData.DATES.equals(dataset.name())) {
			splits = Seq2SeqData.dates(seq2seq, settings.seed());
			description = DateExamples.DESCRIPTION;
		}
		else if (builtIn && Seq2SeqData.PRONUNCIATIONS.equals(dataset.name())) {
			Path file = Path.of(String.valueOf(dataset.details().get("file")));
			splits = Seq2SeqData.pronunciations(file, seq2seq, settings.seed());
			description = Pronunciations.DESCRIPTION + ", " + file;
		}
		else {
			splits = Seq2SeqData.tabSeparated(dataset.textFile(), seq2seq, settings.seed());
			description = "data set '" + dataset.name() + "' (tab-separated pairs)";
		}
		Seq2SeqTraining.Request request = new Seq2SeqTraining.Request(spec.model(), spec.architectureParameters(),
				settings, seq2seq, "training job " + spec.jobId(), description);
		Seq2SeqTraining.Result result = Seq2SeqTraining.run(request, splits, jobDirectory.resolve("work"), device,
				(epoch) -> emit("epoch", Map.of("result", epoch)));
		Path output = jobDirectory.resolve("output");
		ModelPublisher.deleteRecursively(output);
		Map<String, byte[]> files = new LinkedHashMap<>(result.files());
		files.put(TrainedClassifier.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()));
		ModelPublisher.publish(output, result.template(), result.parameters(), 1, files);
		Map<?, ?> quality = (Map<?, ?>) result.template().provenance().get("quality");
		emit("finished", Map.of("testExactMatch", quality.get("testAccuracy"), "testBleu", quality.get("testBleu")));
	}

	private static int detail(WorkerSpec spec, String key) {
		Object value = spec.dataset().details().get(key);
		return (value instanceof Number number) ? number.intValue() : 28;
	}

	private static ImageSet limit(ImageSet set, int limit) {
		if (limit <= 0 || limit >= set.count()) {
			return set;
		}
		return set.select(java.util.stream.IntStream.range(0, limit).toArray());
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
