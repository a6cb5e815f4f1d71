package io.modelport.training;

import java.nio.file.Path;
import java.util.List;

import io.modelport.store.InputSpec;

/**
 * The outcome of a training run.
 *
 * @param parameters the parameter file of the chosen epoch
 * @param input the input normalisation the model was trained with
 * @param history one entry per epoch
 * @param bestEpoch the epoch whose weights were kept
 * @param bestDevAccuracy the dev accuracy of that epoch
 * @param test the evaluation of the kept weights on the test split
 * @param testRocAuc the ROC AUC on the test split for binary tasks, otherwise
 * {@code null}
 * @param trainImages the number of images trained on
 * @param devImages the number of images in the dev split
 * @param trainSeconds the time of the training passes, summed over epochs
 * @author Modelport Team
 */
public record TrainingReport(Path parameters, InputSpec input, List<EpochResult> history, int bestEpoch,
		double bestDevAccuracy, Evaluation test, Double testRocAuc, int trainImages, int devImages,
		double trainSeconds) {

	public TrainingReport {
		history = List.copyOf(history);
	}

}
