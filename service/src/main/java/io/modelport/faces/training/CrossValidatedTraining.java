package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.faces.RocChart;
import io.modelport.faces.VerificationMetrics;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TrainingSettings;

/**
 * A verifier run without a dev split: the epoch count and τ come from
 * {@link FaceCrossValidation} over every non-test identity, then the network trains on
 * all of them for that many epochs (the last epoch is kept) and is measured once on the
 * test identities.
 *
 * @author Modelport Team
 */
final class CrossValidatedTraining {

	private static final String PROTOCOL = " Cross-validated run: the non-test identities are cut into folds; each fold "
			+ "is held out once while the others train, the epoch count is the one with the best ROC AUC over "
			+ "the pooled held-out pairs of all folds, and the threshold is calibrated on those pooled pairs. The "
			+ "final network trains on every non-test identity for that many epochs; cv figures are the pooled "
			+ "held-out pairs (cvAccuracy at a threshold picked on them).";

	private CrossValidatedTraining() {
	}

	/**
	 * Cross-validates, trains the final network and measures it on the test identities.
	 * @param request what to train; {@code settings.epochs} is the most epochs considered
	 * @param folds the test identities and the folds of the others
	 * @param workDir scratch space for parameters
	 * @param device the device
	 * @param cvProgress receives each cross-validation epoch
	 * @param progress receives each epoch of the final training (no dev figures)
	 * @return the descriptor template, parameter file, evaluation report and test ROC
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	static FaceTraining.Result run(FaceTraining.Request request, IdentityFolds folds, Path workDir, Device device,
			Consumer<FaceCrossValidation.Progress> cvProgress, Consumer<EpochResult> progress) throws IOException {
		return run(request, folds, workDir, device, cvProgress, progress, null);
	}

	/**
	 * The same, reusing a cross-validation of the same request, folds and settings
	 * already run (it is not checked that they match).
	 * @param request what to train
	 * @param folds the test identities and the folds of the others
	 * @param workDir scratch space for parameters
	 * @param device the device
	 * @param cvProgress receives each cross-validation epoch
	 * @param progress receives each epoch of the final training
	 * @param done the cross-validation already run, or {@code null} to run it
	 * @return the descriptor template, parameter file, evaluation report and test ROC
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	static FaceTraining.Result run(FaceTraining.Request request, IdentityFolds folds, Path workDir, Device device,
			Consumer<FaceCrossValidation.Progress> cvProgress, Consumer<EpochResult> progress,
			FaceCrossValidation.Outcome done) throws IOException {
		TrainingSettings settings = request.settings();
		FaceSettings faceSettings = request.faces();
		long seed = settings.seed();
		FaceEmbedderNet net = FaceEmbedderNet.fromParameters(request.architectureParameters())
			.withMembers(faceSettings.ensemble());
		InputSpec input = new InputSpec(request.width(), request.height(), 1, 255f, null, null);
		FaceCrossValidation.Outcome cv = (done != null) ? done : FaceCrossValidation.run(net, input, settings,
				faceSettings, folds, Files.createDirectories(workDir.resolve("cv")), device, cvProgress);
		TrainingSettings chosen = new TrainingSettings(cv.epochs(), settings.batchSize(), settings.optimizer(),
				settings.schedule(), settings.weightDecay(), settings.gradientClip(), settings.earlyStoppingPatience(),
				settings.devFraction(), settings.testFraction(), settings.flip(), settings.maxShift(), seed);
		FaceImages pool = folds.poolFaces();
		List<FaceTrainer.Report> reports = new ArrayList<>();
		for (int m = 0; m < net.members(); m++) {
			Path dir = Files.createDirectories(workDir.resolve("final-" + m));
			reports.add(new FaceTrainer(net.member(), input, chosen.withSeed(seed + m), faceSettings, device)
				.trainFixed(pool, null, null, dir, progress, null));
		}
		Path parameters = net.single() ? reports.get(0).parameters() : FaceEnsemble.assemble(net,
				reports.stream().map(FaceTrainer.Report::parameters).toList(), input, device, workDir);
		FaceImages testFaces = folds.testFaces();
		VerificationPairs testPairs = FaceTraining.pairs(testFaces, seed, FaceTraining.TEST_PAIR_SEED_OFFSET);
		// Evaluated from the saved file, as serving will load it.
		float[][] embeddings = FaceEnsemble.embed(net, parameters, input, device,
				FaceTrainer.inputs(testFaces, input))[0];
		double[] distances = testPairs.distances(embeddings);
		VerificationMetrics test = new VerificationMetrics(distances, testPairs.sameFlags());
		double threshold = cv.threshold();
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("testAccuracy", FaceReports.round(test.accuracyAt(threshold)));
		quality.put("testAuc", FaceReports.round(test.rocAuc()));
		quality.put("testEer", FaceReports.round(test.equalErrorRate()));
		quality.put("testTarAtFar1", FaceReports.round(test.tarAtFar(0.01)));
		quality.put("cvAccuracy", FaceReports.round(cv.accuracy()));
		quality.put("cvAuc", FaceReports.round(cv.auc()));
		Map<String, Object> evaluation = new LinkedHashMap<>(quality);
		evaluation.put("threshold", threshold);
		evaluation.put("thresholdRule", faceSettings.thresholdRule());
		if ("far".equals(faceSettings.thresholdRule())) {
			evaluation.put("targetFar", faceSettings.targetFar());
		}
		evaluation.put("testTarAtThreshold",
				FaceReports.round(FaceReports.acceptedShare(distances, testPairs.sameFlags(), true, threshold)));
		evaluation.put("testFarAtThreshold",
				FaceReports.round(FaceReports.acceptedShare(distances, testPairs.sameFlags(), false, threshold)));
		evaluation.put("testPairs", FaceReports.pairCounts(testPairs));
		Map<String, Object> identities = new LinkedHashMap<>();
		identities.put("train", pool.identities().size());
		identities.put("dev", 0);
		identities.put("test", testFaces.identities().size());
		identities.put("testNames", testFaces.identities());
		evaluation.put("identities", identities);
		evaluation.put("seed", seed);
		evaluation.put("testPairSeed", seed + FaceTraining.TEST_PAIR_SEED_OFFSET);
		// The classic split with these shares and seed holds out the same test
		// identities.
		evaluation.put("devShare", faceSettings.devShare());
		evaluation.put("testShare", faceSettings.testShare());
		evaluation.put("epochs", cv.epochs());
		if (net.members() > 1) {
			evaluation.put("ensemble", net.members());
		}
		evaluation.put("crossValidation", cv.toMap(folds));
		evaluation.put("definitions", FaceTraining.DEFINITIONS + PROTOCOL);
		byte[] roc = RocChart.render(test.rocCurve(),
				String.format(Locale.ROOT, "Test identities, EER %.4f", test.equalErrorRate()));
		ModelDescriptor template = new ModelDescriptor(request.model(), 1, Task.FACE_VERIFIER,
				ArtifactFormat.DJL_PARAMS, new Architecture(ArchitectureCatalog.FACE_EMBEDDER, net.toParameters()),
				List.of(new Artifact("pending.params", null)), input, List.of(),
				FaceReports.descriptorParameters(threshold, net, faceSettings),
				FaceReports.provenance(request,
						pool.identities().size() + " training identities (epochs and threshold by "
								+ cv.foldAuc().length + "-fold cross-validation over them), "
								+ testFaces.identities().size() + " test identities",
						reports, quality, input, folds.faces()),
				Path.of("."));
		return new FaceTraining.Result(template, parameters, evaluation, roc);
	}

}
