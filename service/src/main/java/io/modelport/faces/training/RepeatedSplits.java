package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;

/**
 * An estimate of a whole cross-validated recipe rather than of one model: the identities
 * are cut into test folds, and for each the recipe runs from scratch on the others
 * ({@link CrossValidatedTraining}: cross-validation for epochs and τ, final training) and
 * is measured once on it. With few identities one test fold is a small sample; the spread
 * over disjoint ones shows how much a single figure can be trusted. Nothing is published.
 *
 * @author Modelport Team
 */
final class RepeatedSplits {

	/** The figures summarised over the test folds. */
	static final List<String> FIGURES = List.of("testAccuracy", "testAuc", "testEer", "testTarAtFar1", "cvAuc",
			"threshold", "epochs");

	private RepeatedSplits() {
	}

	/**
	 * Runs the recipe on some test folds.
	 * @param request what to train; {@code settings.epochs} is the most epochs considered
	 * @param faces all faces
	 * @param outerFolds the test folds covering all identities
	 * @param which the test folds to run, from 0
	 * @param k the cross-validation folds of each run's other identities
	 * @param workDir scratch space
	 * @param device the device
	 * @param log receives a line per finished test fold
	 * @return one map of figures per test fold run
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	static List<Map<String, Object>> run(FaceTraining.Request request, FaceImages faces, int outerFolds,
			List<Integer> which, int k, Path workDir, Device device, Consumer<String> log) throws IOException {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int index : which) {
			IdentityFolds folds = IdentityFolds.outer(faces, outerFolds, index, request.settings().seed(), k);
			long started = System.nanoTime();
			FaceTraining.Result result = CrossValidatedTraining.run(request, folds,
					Files.createDirectories(workDir.resolve("test-fold-" + index)), device, (progress) -> {
					}, (epoch) -> {
					});
			Map<String, Object> evaluation = result.evaluation();
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("testFold", index);
			run.put("testNames", folds.names(folds.test()));
			for (String figure : FIGURES) {
				run.put(figure, evaluation.get(figure));
			}
			run.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
			runs.add(run);
			log.accept(run.toString());
		}
		return runs;
	}

	/**
	 * The mean and sample standard deviation (n - 1) of each figure over the runs.
	 * @param runs the runs' figures
	 * @return figure to {mean, sd}; sd is NaN for a single run
	 */
	static Map<String, double[]> summary(List<Map<String, Object>> runs) {
		Map<String, double[]> summary = new LinkedHashMap<>();
		for (String figure : FIGURES) {
			double[] values = runs.stream().mapToDouble((run) -> ((Number) run.get(figure)).doubleValue()).toArray();
			double mean = 0;
			for (double value : values) {
				mean += value / values.length;
			}
			double squares = 0;
			for (double value : values) {
				squares += (value - mean) * (value - mean);
			}
			summary.put(figure, new double[] { mean, Math.sqrt(squares / (values.length - 1)) });
		}
		return summary;
	}

}
