package io.modelport.classification.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.modelport.training.Evaluation;
import io.modelport.training.EvaluationReport;
import io.modelport.training.TrainingReport;

/**
 * A classifier's evaluation report on the test split (docs/ml-notes.md, "Evaluation").
 *
 * @param testImages the test images
 * @param testAccuracy the accuracy of the kept weights
 * @param testMacroF1 the unweighted mean of the per-class F1 scores
 * @param testRocAuc the ROC AUC, binary tasks only ({@code null} otherwise)
 * @param devAccuracy the dev accuracy of the kept epoch
 * @param perClass precision, recall and F1 by label
 * @param labels the class labels, in the confusion matrix's order
 * @param confusionMatrix counts, row = true class, column = predicted class
 * @author Modelport Team
 */
public record ClassifierReport(long testImages, double testAccuracy, double testMacroF1,
		@JsonInclude(JsonInclude.Include.NON_NULL) Double testRocAuc, double devAccuracy,
		Map<String, ClassFigures> perClass, List<String> labels,
		List<List<Long>> confusionMatrix) implements EvaluationReport {

	/**
	 * The report of a training run.
	 * @param report the training report
	 * @param labels the class labels
	 * @return the report, figures rounded to 4 decimals
	 */
	public static ClassifierReport of(TrainingReport report, List<String> labels) {
		Evaluation test = report.test();
		Map<String, ClassFigures> perClass = new LinkedHashMap<>();
		for (int c = 0; c < labels.size(); c++) {
			perClass.put(labels.get(c), new ClassFigures(Evaluation.round(test.precision(c)),
					Evaluation.round(test.recall(c)), Evaluation.round(test.f1(c))));
		}
		Double auc = (report.testRocAuc() != null && !report.testRocAuc().isNaN())
				? Evaluation.round(report.testRocAuc()) : null;
		return new ClassifierReport(Arrays.stream(test.confusion()).flatMapToLong(Arrays::stream).sum(),
				Evaluation.round(test.accuracy()), Evaluation.round(test.macroF1()), auc,
				Evaluation.round(report.bestDevAccuracy()), perClass, List.copyOf(labels),
				Arrays.stream(test.confusion()).map((row) -> Arrays.stream(row).boxed().toList()).toList());
	}

	@Override
	public Map<String, Object> summary() {
		return Map.of("testAccuracy", this.testAccuracy);
	}

	/**
	 * One class's figures.
	 *
	 * @param precision tp / (tp + fp)
	 * @param recall tp / (tp + fn)
	 * @param f1 their harmonic mean
	 */
	public record ClassFigures(double precision, double recall, double f1) {

	}

}
