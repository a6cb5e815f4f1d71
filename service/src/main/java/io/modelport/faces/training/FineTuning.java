package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;

import io.modelport.faces.RocChart;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.faces.importer.FaceApiImport;
import io.modelport.store.Artifact;
import io.modelport.store.DescriptorParser;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.EpochResult;
import io.modelport.training.InitFrom;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingSettings;

/**
 * A face verifier job with {@code initFrom}: fine-tunes the stored face-api network on an
 * identity folder. The identities are split into train, dev and test as for a fresh
 * verifier ({@link FaceTraining#split}); every face is aligned as serving aligns it; the
 * stored network is measured on the test identities before training, the fine-tuned one
 * after, each at a τ calibrated on the dev identities; the new version keeps the parent's
 * input, alignment and landmark network, and names its parent in its provenance.
 *
 * @author Modelport Team
 */
final class FineTuning {

	/**
	 * A fine-tune's learning rate when the request sets none: small, to keep what the
	 * stored network knows.
	 */
	static final double LEARNING_RATE = 1e-4;

	static final String DEFINITIONS = "Identities are split into train, dev and test (seeded); training never "
			+ "sees dev or test faces. Every face is aligned with the stored landmark network as serving aligns it. "
			+ "before = the initFrom version as stored, after = the fine-tuned network; each gets its own tau, "
			+ "calibrated on the dev pairs (every same pair of the dev identities and as many different pairs, "
			+ "seeded) by the threshold rule. Test figures use every same and every different pair of the test "
			+ "identities: d = squared Euclidean distance of unit embeddings; ROC AUC by trapezoids; EER where "
			+ "false accept rate equals false reject rate; TAR at FAR 1e-3 at the largest threshold accepting at "
			+ "most 0.1% of the different pairs; accuracy = balanced accuracy at tau (mean of true accept and "
			+ "true reject rates).";

	// Uploads were checked against the service's limit; this only guards a worker.
	private static final long MAX_IMAGE_PIXELS = 64_000_000L;

	private FineTuning() {
	}

	/**
	 * Fine-tunes.
	 * @param run the job, its {@code initFrom} set and its parent copied
	 * @param device the device
	 * @param progress receives each epoch's result
	 * @return the trained model
	 * @throws IOException when files cannot be read or written
	 */
	static TrainedModel run(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		InitFrom initFrom = run.initFrom();
		ModelDescriptor parent = DescriptorParser.parse(initFrom.model(), initFrom.version(), run.parent());
		FaceFreeze freeze = FaceFreeze.of(initFrom.freeze());
		FaceSettings faces = run.taskSettings(FaceSettings.class, FaceSettings.unset()).withDefaults();
		TrainingSettings settings = withFineTuneRate(run.settings()).withDefaults();
		FaceImages all = FaceImages.readFolders(run.dataset().dataDirectory(), MAX_IMAGE_PIXELS);
		IdentitySplit split = FaceTraining.split(all, faces, settings.seed());
		VerificationPairs devPairs = FaceTraining.pairs(split.dev(), settings.seed(),
				FaceTraining.DEV_PAIR_SEED_OFFSET);
		InputSpec input = parent.input();
		String weights = parent.weights().file();
		String landmarks = (String) parent.parameters().get(FaceApiImport.LANDMARKS_PARAMETER);
		float[][] trainInputs;
		float[][] devInputs;
		float[][] testInputs;
		VerifierFigures before;
		try (Model stored = FineTuneTrainer.load(run.parent(), weights, device)) {
			FaceAligner aligner = new FaceAligner(
					FaceLandmarker.load(stored.getNDManager(), run.parent().resolve(landmarks)), input.width());
			trainInputs = FaceChips.of(split.train(), aligner, input);
			devInputs = FaceChips.of(split.dev(), aligner, input);
			testInputs = FaceChips.of(split.test(), aligner, input);
			before = VerifierFigures.measure(FineTuneTrainer.embed(stored, devInputs, input), devPairs,
					FineTuneTrainer.embed(stored, testInputs, input), split.test().labels(), faces);
		}
		FaceTrainer.Report report = new FineTuneTrainer(input, settings, faces, freeze, device).train(run.parent(),
				weights, split.train(), trainInputs, devInputs, devPairs, run.work(), progress);
		float[][] afterTest;
		VerifierFigures after;
		// Measured from the saved file, as serving will load it.
		try (Model tuned = FineTuneTrainer.load(run.work(), report.parameters().getFileName().toString(), device)) {
			afterTest = FineTuneTrainer.embed(tuned, testInputs, input);
			after = VerifierFigures.measure(FineTuneTrainer.embed(tuned, devInputs, input), devPairs, afterTest,
					split.test().labels(), faces);
		}
		int[] labels = split.test().labels();
		int same = 0;
		for (int i = 0; i < labels.length; i++) {
			for (int j = i + 1; j < labels.length; j++) {
				same += (labels[i] == labels[j]) ? 1 : 0;
			}
		}
		FineTuneFigures figures = new FineTuneFigures(before, after, split.test().identities().size(), same,
				labels.length * (labels.length - 1) / 2 - same);
		Map<String, Object> evaluation = evaluation(figures, split, faces, freeze, settings.seed());
		evaluation.put("bestEpoch", report.bestEpoch());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("testAuc", after.rocAuc());
		summary.put("testAccuracy", after.accuracy());
		summary.put("initFromTestAuc", before.rocAuc());
		byte[] roc = RocChart.render(VerifierFigures.allPairs(afterTest, labels).rocCurve(), String.format(Locale.ROOT,
				"Test identities after fine-tuning, EER %.4f (before %.4f)", after.eer(), before.eer()));
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(FaceTraining.ROC_FILE, roc);
		files.put(landmarks, Files.readAllBytes(run.parent().resolve(landmarks)));
		ModelDescriptor template = new ModelDescriptor(run.model(), 1, parent.task(), parent.format(),
				parent.architecture(), List.of(new Artifact("pending.params", null), new Artifact(landmarks, null)),
				input, parent.labels(), parameters(parent, after.threshold(), faces),
				provenance(run, parent, freeze, settings, faces, figures, report, all, split), Path.of("."));
		return new TrainedModel(template, report.parameters(), new FineTuneReport(evaluation, summary), files);
	}

	// A fine-tune keeps what the stored network knows unless asked otherwise.
	static TrainingSettings withFineTuneRate(TrainingSettings given) {
		OptimizerSettings optimizer = (given.optimizer() != null) ? given.optimizer()
				: new OptimizerSettings(null, null, null, null, null, null);
		if (optimizer.learningRate() != null) {
			return given;
		}
		return new TrainingSettings(given.epochs(), given.batchSize(),
				new OptimizerSettings(optimizer.type(), LEARNING_RATE, optimizer.momentum(), optimizer.beta1(),
						optimizer.beta2(), optimizer.epsilon()),
				given.schedule(), given.weightDecay(), given.gradientClip(), given.earlyStoppingPatience(),
				given.devFraction(), given.testFraction(), given.flip(), given.maxShift(), given.seed());
	}

	private static Map<String, Object> evaluation(FineTuneFigures figures, IdentitySplit split, FaceSettings faces,
			FaceFreeze freeze, long seed) {
		Map<String, Object> evaluation = new LinkedHashMap<>(figures.after().toMap());
		evaluation.put("thresholdRule", faces.thresholdRule());
		evaluation.put("fineTune", figures.toMap());
		evaluation.put("freeze", freeze.value());
		evaluation.put("trainedStages", freeze.trainedStages());
		evaluation.put("identities", FaceReports.identities(split));
		evaluation.put("seed", seed);
		evaluation.put("devPairSeed", seed + FaceTraining.DEV_PAIR_SEED_OFFSET);
		evaluation.put("definitions", DEFINITIONS);
		return evaluation;
	}

	private static Map<String, Object> parameters(ModelDescriptor parent, double threshold, FaceSettings faces) {
		Map<String, Object> parameters = new LinkedHashMap<>(parent.parameters());
		parameters.put("threshold", threshold);
		parameters.put("thresholdRule", faces.thresholdRule() + " on the fine-tune's dev identities");
		if ("far".equals(faces.thresholdRule())) {
			parameters.put("targetFar", faces.targetFar());
		}
		return parameters;
	}

	private static Map<String, Object> provenance(TaskRun run, ModelDescriptor parent, FaceFreeze freeze,
			TrainingSettings settings, FaceSettings faces, FineTuneFigures figures, FaceTrainer.Report report,
			FaceImages all, IdentitySplit split) {
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", run.source() + ", fine-tuning " + run.initFrom().reference());
		provenance.put("trainedAt", Instant.now().toString());
		Map<String, Object> initFrom = new LinkedHashMap<>();
		initFrom.put("model", parent.name());
		initFrom.put("version", parent.version());
		initFrom.put("freeze", freeze.value());
		initFrom.put("trainedStages", freeze.trainedStages());
		// The parent's figures on this run's test identities: what if-better compares.
		initFrom.put("quality", figures.before().toMap());
		provenance.put("initFrom", initFrom);
		for (String inherited : List.of("licence", "credits", "package")) {
			if (parent.provenance().containsKey(inherited)) {
				provenance.put(inherited, parent.provenance().get(inherited));
			}
		}
		provenance.put("dataset",
				"data set '" + run.dataset().name() + "': " + all.identities().size() + " identities, " + all.count()
						+ " images of " + all.width() + "x" + all.height() + ", aligned to " + parent.input().width()
						+ "x" + parent.input().height() + " chips; " + split.train().identities().size() + " training, "
						+ split.dev().identities().size() + " dev, " + split.test().identities().size()
						+ " test identities");
		provenance.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch "
				+ Engine.getEngine("PyTorch").getVersion() + ", " + Engine.getEngine("PyTorch").defaultDevice());
		Map<String, Object> recorded = new LinkedHashMap<>(settings.toMap());
		recorded.remove("batchSize");
		recorded.remove("devFraction");
		recorded.put("faces", faces.toMap());
		provenance.put("settings", recorded);
		provenance.put("bestEpoch", report.bestEpoch());
		provenance.put("trainSeconds", Math.round(report.trainSeconds()));
		provenance.put("history",
				report.history()
					.stream()
					.map((epoch) -> Map.of("epoch", epoch.epoch(), "trainLoss", FaceReports.round(epoch.trainLoss()),
							"devAccuracy", FaceReports.round(epoch.devAccuracy())))
					.toList());
		provenance.put("quality", figures.after().toMap());
		return provenance;
	}

}
