package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.faces.VerificationMetrics;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;
import io.modelport.training.EpochResult;
import io.modelport.training.TrainingSettings;

/**
 * K-fold cross-validation over identities: each fold's identities are held out once while
 * the network (every member of an ensemble) trains on the other folds for the run's
 * epochs, and the held-out faces are embedded after every epoch. The pairs of all folds
 * are then pooled per epoch: the epoch count is the one with the best pooled ROC AUC, and
 * τ the threshold the run's rule picks on the pooled pairs at that epoch. Nothing is
 * chosen on any test identity, and every non-test identity serves both for training and,
 * held out in turn, for choosing.
 *
 * @author Modelport Team
 */
final class FaceCrossValidation {

	/**
	 * Fold f's pairs are drawn with seed + 1 + this × f (fold 0's are a classic run's dev
	 * pairs).
	 */
	static final int FOLD_PAIR_SEED_STRIDE = 10;

	private FaceCrossValidation() {
	}

	/**
	 * Cross-validates a run's settings.
	 * @param net the served architecture (its members are trained one by one)
	 * @param input the input spec
	 * @param settings the common settings, defaults applied; {@code epochs} is the most
	 * epochs considered
	 * @param faces the face settings, defaults applied
	 * @param folds the folds
	 * @param workDir scratch space for parameters
	 * @param device the device
	 * @param progress receives each epoch's result, numbered per fold and member
	 * @return the outcome
	 * @throws IOException when parameters cannot be saved
	 */
	static Outcome run(FaceEmbedderNet net, InputSpec input, TrainingSettings settings, FaceSettings faces,
			IdentityFolds folds, Path workDir, Device device, Consumer<Progress> progress) throws IOException {
		if (net.flipAverage()) {
			throw new IllegalArgumentException("cross-validation trains members as they are served; "
					+ "flip averaging is not supported with folds");
		}
		int k = folds.folds().size();
		int epochs = settings.epochs();
		int members = net.members();
		long seed = settings.seed();
		// distances[m][f][e]: member m's squared distances of fold f's pairs after epoch
		// e + 1.
		double[][][][] distances = new double[members][k][epochs][];
		List<VerificationPairs> pairs = new ArrayList<>();
		long started = System.nanoTime();
		for (int f = 0; f < k; f++) {
			FaceImages heldOut = folds.heldOut(f);
			VerificationPairs foldPairs = VerificationPairs.of(heldOut,
					seed + FaceTraining.DEV_PAIR_SEED_OFFSET + (long) FOLD_PAIR_SEED_STRIDE * f);
			pairs.add(foldPairs);
			for (int m = 0; m < members; m++) {
				Path dir = Files.createDirectories(workDir.resolve("fold-" + f + "-member-" + m));
				int fold = f;
				int member = m;
				new FaceTrainer(net.member(), input, settings.withSeed(seed + m), faces, device).trainFixed(
						folds.training(f), heldOut, foldPairs, dir,
						(epoch) -> progress.accept(new Progress(fold, member, epoch)),
						(embeddings, epoch) -> distances[member][fold][epoch - 1] = foldPairs.distances(embeddings));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Outcome outcome = choose(distances, pairs, faces, seconds, null);
		// The first member alone is what the same run without an ensemble trains.
		return (members == 1) ? outcome : choose(new double[][][][] { distances[0] }, pairs, faces, seconds, outcome);
	}

	private static Outcome choose(double[][][][] distances, List<VerificationPairs> pairs, FaceSettings faces,
			double seconds, Outcome ensemble) {
		boolean[] same = pooledFlags(pairs);
		int epochs = distances[0][0].length;
		double[] pooledAuc = new double[epochs];
		int best = 0;
		for (int e = 0; e < epochs; e++) {
			pooledAuc[e] = new VerificationMetrics(pooled(distances, e), same).rocAuc();
			best = (pooledAuc[e] > pooledAuc[best]) ? e : best;
		}
		VerificationMetrics chosen = new VerificationMetrics(pooled(distances, best), same);
		double threshold = FaceReports.round(FaceTraining.threshold(chosen, faces));
		double[] foldAuc = new double[pairs.size()];
		for (int f = 0; f < foldAuc.length; f++) {
			foldAuc[f] = new VerificationMetrics(mean(distances, f, best), pairs.get(f).sameFlags()).rocAuc();
		}
		Outcome outcome = new Outcome(best + 1, threshold, pooledAuc, foldAuc, chosen.accuracyAt(threshold),
				chosen.equalErrorRate(), same.length, seconds, null);
		return (ensemble != null) ? new Outcome(ensemble.epochs, ensemble.threshold, ensemble.pooledAuc,
				ensemble.foldAuc, ensemble.accuracy, ensemble.eer, ensemble.pairs, seconds, outcome) : outcome;
	}

	private static boolean[] pooledFlags(List<VerificationPairs> pairs) {
		int total = pairs.stream().mapToInt(VerificationPairs::size).sum();
		boolean[] same = new boolean[total];
		int at = 0;
		for (VerificationPairs foldPairs : pairs) {
			boolean[] flags = foldPairs.sameFlags();
			System.arraycopy(flags, 0, same, at, flags.length);
			at += flags.length;
		}
		return same;
	}

	// All folds' distances after one epoch.
	private static double[] pooled(double[][][][] distances, int epoch) {
		List<double[]> parts = new ArrayList<>();
		for (int f = 0; f < distances[0].length; f++) {
			parts.add(mean(distances, f, epoch));
		}
		return parts.stream().flatMapToDouble(Arrays::stream).toArray();
	}

	// The served ensemble's squared distance is the mean of its members' (unit
	// embeddings concatenated and scaled by 1/√N); one member's is its own.
	private static double[] mean(double[][][][] distances, int fold, int epoch) {
		double[] mean = new double[distances[0][fold][epoch].length];
		for (double[][][] member : distances) {
			for (int i = 0; i < mean.length; i++) {
				mean[i] += member[fold][epoch][i] / distances.length;
			}
		}
		return mean;
	}

	/**
	 * The choices a cross-validation makes and the figures they rest on.
	 *
	 * @param epochs the chosen epoch count E*
	 * @param threshold τ, picked on the pooled pairs at E*
	 * @param pooledAuc the pooled out-of-fold AUC after each epoch
	 * @param foldAuc each fold's own AUC at E*
	 * @param accuracy the pooled accuracy at τ (τ was picked on these pairs)
	 * @param eer the pooled equal error rate at E*
	 * @param pairs the pooled pairs
	 * @param seconds the wall time of all folds
	 * @param firstMember for an ensemble, the same choices for its first member alone
	 * (what the run without an ensemble gives), otherwise {@code null}
	 */
	record Outcome(int epochs, double threshold, double[] pooledAuc, double[] foldAuc, double accuracy, double eer,
			int pairs, double seconds, Outcome firstMember) {

		/**
		 * An outcome as {@link #toMap} recorded it (values rounded as recorded), so a
		 * final run can reuse a cross-validation printed by an earlier {@code --cv-only}
		 * run of the same settings instead of repeating it.
		 * @param map the recorded values
		 * @return the outcome
		 */
		static Outcome fromMap(Map<String, Object> map) {
			Map<?, ?> first = (Map<?, ?>) map.get("firstMember");
			@SuppressWarnings("unchecked")
			Outcome firstMember = (first != null) ? fromMap((Map<String, Object>) first) : null;
			return new Outcome(number(map, "epochs").intValue(), number(map, "threshold").doubleValue(),
					numbers(map, "cvAucByEpoch"), numbers(map, "foldAuc"), number(map, "cvAccuracy").doubleValue(),
					number(map, "cvEer").doubleValue(), number(map, "cvPairs").intValue(),
					(map.get("seconds") != null) ? number(map, "seconds").doubleValue() : 0, firstMember);
		}

		private static Number number(Map<String, Object> map, String key) {
			Object value = map.get(key);
			if (!(value instanceof Number number)) {
				throw new IllegalArgumentException("the cross-validation report has no number " + key);
			}
			return number;
		}

		private static double[] numbers(Map<String, Object> map, String key) {
			if (!(map.get(key) instanceof List<?> values)) {
				throw new IllegalArgumentException("the cross-validation report has no list " + key);
			}
			return values.stream().mapToDouble((value) -> ((Number) value).doubleValue()).toArray();
		}

		/**
		 * The pooled AUC at E*: the figure candidates are compared by.
		 * @return the AUC
		 */
		double auc() {
			return this.pooledAuc[this.epochs - 1];
		}

		/**
		 * The outcome as recorded in a report.
		 * @param folds the folds, for their identity names ({@code null} to leave them
		 * out)
		 * @return the values, rounded
		 */
		Map<String, Object> toMap(IdentityFolds folds) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("folds", this.foldAuc.length);
			map.put("maxEpochs", this.pooledAuc.length);
			map.put("epochs", this.epochs);
			map.put("cvAuc", FaceReports.round(auc()));
			map.put("cvAccuracy", FaceReports.round(this.accuracy));
			map.put("cvEer", FaceReports.round(this.eer));
			map.put("cvPairs", this.pairs);
			map.put("threshold", this.threshold);
			map.put("cvAucByEpoch", Arrays.stream(this.pooledAuc).map(FaceReports::round).boxed().toList());
			map.put("foldAuc", Arrays.stream(this.foldAuc).map(FaceReports::round).boxed().toList());
			if (folds != null) {
				map.put("foldIdentities", folds.folds().stream().map(folds::names).toList());
				map.put("seconds", Math.round(this.seconds));
			}
			if (this.firstMember != null) {
				map.put("firstMember", this.firstMember.toMap(null));
			}
			return map;
		}

	}

	/**
	 * One epoch of one fold's member.
	 *
	 * @param fold the fold held out, from 0
	 * @param member the ensemble member, from 0
	 * @param epoch the epoch's result on the held-out fold
	 */
	record Progress(int fold, int member, EpochResult epoch) {

	}

}
