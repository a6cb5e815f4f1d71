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
import io.modelport.training.TrainingProgress;
import io.modelport.training.TrainingSettings;

/**
 * One face verifier training run: split the identities into train, dev and test, train
 * the embedding with the triplet loss, calibrate the threshold τ on the dev identities,
 * and measure the verifier on the test identities, which neither training nor calibration
 * has seen.
 * <p>
 * Everything is rebuilt from the seed: {@link #split} gives the identity split and
 * {@link #pairs} the evaluation pairs, so the shipped figures can be re-measured through
 * serving.
 *
 * @author Modelport Team
 */
public final class FaceTraining {

	/** The file name of the test ROC curve picture in a version folder. */
	public static final String ROC_FILE = "roc.png";

	/** The dev pairs are drawn with the run's seed plus this. */
	public static final int DEV_PAIR_SEED_OFFSET = 1;

	/** The test pairs are drawn with the run's seed plus this. */
	public static final int TEST_PAIR_SEED_OFFSET = 2;

	/** The distance a descriptor's threshold applies to. */
	public static final String DISTANCE = "squared-l2";

	static final String DEFINITIONS = "Pairs: every same-person pair of a split and as many "
			+ "different-person pairs drawn at random (seeded). d = squared Euclidean distance between "
			+ "L2-normalised embeddings, in [0, 4]; a pair is accepted as the same person when d <= threshold. "
			+ "Accuracy = share of pairs classified correctly at the threshold calibrated on the dev identities. "
			+ "ROC: true accept rate (accepted same pairs / same pairs) against false accept rate (accepted "
			+ "different pairs / different pairs) over all thresholds; AUC by trapezoids. EER: where false "
			+ "accept rate equals false reject rate, interpolated on the ROC. TAR at FAR 1%: true accept rate "
			+ "at the largest threshold accepting at most 1% of the different pairs. Train, dev and test "
			+ "hold disjoint identities.";

	private FaceTraining() {
	}

	/**
	 * The input size a run uses when none is asked for: the images' own size, divided by
	 * the smallest whole factor that brings the longer side to at most 64 pixels (ORL's
	 * 92 × 112 becomes 46 × 56), which keeps the aspect ratio and the network small.
	 * @param width the image width
	 * @param height the image height
	 * @return {width, height}
	 */
	public static int[] defaultInputSize(int width, int height) {
		int factor = (Math.max(width, height) + 63) / 64;
		return new int[] { Math.max(1, width / factor), Math.max(1, height / factor) };
	}

	/**
	 * The identity split of a run.
	 * @param faces all faces
	 * @param faceSettings the face settings, defaults applied (dev and test shares)
	 * @param seed the run's seed
	 * @return the split
	 */
	public static IdentitySplit split(FaceImages faces, FaceSettings faceSettings, long seed) {
		return IdentitySplit.of(faces, faceSettings.devShare(), faceSettings.testShare(), seed);
	}

	/**
	 * The evaluation pairs of a split's dev or test faces.
	 * @param faces the dev or test faces of {@link #split}
	 * @param seed the run's seed
	 * @param offset {@link #DEV_PAIR_SEED_OFFSET} or {@link #TEST_PAIR_SEED_OFFSET}
	 * @return the pairs
	 */
	public static VerificationPairs pairs(FaceImages faces, long seed, int offset) {
		return VerificationPairs.of(faces, seed + offset);
	}

	/**
	 * Trains, calibrates and evaluates a verifier.
	 * @param request what to train
	 * @param faces the face set, one identity per label
	 * @param workDir where parameters are saved
	 * @param device the device
	 * @param progress receives each epoch's result
	 * @return the descriptor template, parameter file, evaluation report and ROC picture
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	public static Result run(Request request, FaceImages faces, Path workDir, Device device,
			Consumer<EpochResult> progress) throws IOException {
		TrainingSettings settings = request.settings();
		FaceSettings faceSettings = request.faces();
		long seed = settings.seed();
		IdentitySplit split = split(faces, faceSettings, seed);
		VerificationPairs devPairs = pairs(split.dev(), seed, DEV_PAIR_SEED_OFFSET);
		VerificationPairs testPairs = pairs(split.test(), seed, TEST_PAIR_SEED_OFFSET);
		FaceEmbedderNet net = FaceEmbedderNet.fromParameters(request.architectureParameters())
			.withMembers(faceSettings.ensemble());
		InputSpec input = new InputSpec(request.width(), request.height(), 1, 255f, null, null);
		float[][] devInputs = FaceTrainer.inputs(split.dev(), input);
		float[][] testInputs = FaceTrainer.inputs(split.test(), input);
		List<FaceTrainer.Report> reports = new ArrayList<>();
		List<Map<String, Object>> members = new ArrayList<>();
		for (int m = 0; m < net.members(); m++) {
			// Members differ only in their seed (initialisation, batches, augmentation);
			// the identity split and the pairs stay those of the run's seed.
			Path memberDir = net.single() ? workDir : Files.createDirectories(workDir.resolve("member-" + m));
			int offset = m * settings.epochs();
			FaceTrainer.Report report = new FaceTrainer(net.member(), input, settings.withSeed(seed + m), faceSettings,
					device)
				.train(split.train(), split.dev(), devPairs, memberDir,
						TrainingProgress.mapped(progress, (epoch) -> renumber(epoch, offset),
								(batch) -> batch.within(offset, net.members() * settings.epochs())));
			reports.add(report);
			if (net.members() > 1) {
				float[][][] own = FaceEnsemble.embed(net.member(), report.parameters(), input, device, devInputs,
						testInputs);
				members.add(FaceReports.member(seed + m, report, devPairs, testPairs, own));
			}
		}
		Path parameters = net.single() ? reports.get(0).parameters() : FaceEnsemble.assemble(net,
				reports.stream().map(FaceTrainer.Report::parameters).toList(), input, device, workDir);
		// Evaluated from the saved file, as serving will load it.
		float[][][] embeddings = FaceEnsemble.embed(net, parameters, input, device, devInputs, testInputs);
		float[][] devEmbeddings = embeddings[0];
		float[][] testEmbeddings = embeddings[1];
		VerificationMetrics dev = new VerificationMetrics(devPairs.distances(devEmbeddings), devPairs.sameFlags());
		double[] testDistances = testPairs.distances(testEmbeddings);
		VerificationMetrics test = new VerificationMetrics(testDistances, testPairs.sameFlags());
		double threshold = FaceReports.round(threshold(dev, faceSettings));
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("testAccuracy", FaceReports.round(test.accuracyAt(threshold)));
		quality.put("testAuc", FaceReports.round(test.rocAuc()));
		quality.put("testEer", FaceReports.round(test.equalErrorRate()));
		quality.put("testTarAtFar1", FaceReports.round(test.tarAtFar(0.01)));
		quality.put("devAccuracy", FaceReports.round(dev.accuracyAt(threshold)));
		quality.put("devAuc", FaceReports.round(dev.rocAuc()));
		Map<String, Object> evaluation = new LinkedHashMap<>(quality);
		evaluation.put("threshold", threshold);
		evaluation.put("thresholdRule", faceSettings.thresholdRule());
		if ("far".equals(faceSettings.thresholdRule())) {
			evaluation.put("targetFar", faceSettings.targetFar());
		}
		evaluation.put("testTarAtThreshold",
				FaceReports.round(FaceReports.acceptedShare(testDistances, testPairs.sameFlags(), true, threshold)));
		evaluation.put("testFarAtThreshold",
				FaceReports.round(FaceReports.acceptedShare(testDistances, testPairs.sameFlags(), false, threshold)));
		evaluation.put("testPairs", FaceReports.pairCounts(testPairs));
		evaluation.put("devPairs", FaceReports.pairCounts(devPairs));
		evaluation.put("identities", FaceReports.identities(split));
		evaluation.put("seed", seed);
		evaluation.put("devPairSeed", seed + DEV_PAIR_SEED_OFFSET);
		evaluation.put("testPairSeed", seed + TEST_PAIR_SEED_OFFSET);
		evaluation.put("devShare", faceSettings.devShare());
		evaluation.put("testShare", faceSettings.testShare());
		if (net.members() == 1) {
			evaluation.put("bestEpoch", reports.get(0).bestEpoch());
		}
		else {
			evaluation.put("ensemble", net.members());
			evaluation.put("members", members);
		}
		evaluation.put("definitions", DEFINITIONS);
		byte[] roc = RocChart.render(test.rocCurve(),
				String.format(Locale.ROOT, "Test identities, EER %.4f", test.equalErrorRate()));
		ModelDescriptor template = new ModelDescriptor(request.model(), 1, Task.FACE_VERIFIER,
				ArtifactFormat.DJL_PARAMS, new Architecture(ArchitectureCatalog.FACE_EMBEDDER, net.toParameters()),
				List.of(new Artifact("pending.params", null)), input, List.of(),
				FaceReports.descriptorParameters(threshold, net, faceSettings),
				FaceReports.provenance(request,
						split.train().identities().size() + " training, " + split.dev().identities().size() + " dev, "
								+ split.test().identities().size() + " test identities",
						reports, quality, input, faces),
				Path.of("."));
		return new Result(template, parameters, evaluation, roc);
	}

	// Squared distances of unit vectors lie in [0, 4]: "accept everything" (a FAR
	// allowance covering every dev pair) becomes 4, "accept nothing" below a distance of
	// 0 becomes 0.
	static double threshold(VerificationMetrics dev, FaceSettings faceSettings) {
		double threshold = "far".equals(faceSettings.thresholdRule())
				? dev.thresholdAtFalseMatchRate(faceSettings.targetFar()) : dev.bestAccuracyThreshold();
		return Math.max(0, Math.min(4, threshold));
	}

	// Progress numbers the epochs of all members in one sequence, so a job's history
	// stays ordered: member m's epoch e is m × epochs + e.
	private static EpochResult renumber(EpochResult epoch, int offset) {
		return (offset == 0) ? epoch : new EpochResult(offset + epoch.epoch(), epoch.trainLoss(), epoch.devLoss(),
				epoch.devAccuracy(), epoch.learningRate(), epoch.seconds(), epoch.samplesPerSecond());
	}

	/**
	 * What to train.
	 *
	 * @param model the model name
	 * @param architectureParameters the {@code face-embedder} hyperparameters
	 * @param settings the common training settings, defaults applied
	 * @param faces the face settings, defaults applied
	 * @param width the input width images are resized to
	 * @param height the input height images are resized to
	 * @param trainedBy how the run was started
	 * @param datasetDescription where the faces come from
	 */
	public record Request(String model, Map<String, Object> architectureParameters, TrainingSettings settings,
			FaceSettings faces, int width, int height, String trainedBy, String datasetDescription) {

	}

	/**
	 * A finished run.
	 *
	 * @param template the descriptor to publish
	 * @param parameters the parameter file
	 * @param evaluation the evaluation report
	 * @param roc the test ROC curve as a PNG
	 */
	public record Result(ModelDescriptor template, Path parameters, Map<String, Object> evaluation, byte[] roc) {

	}

}
