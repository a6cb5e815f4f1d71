package io.modelport.words.training;

import java.util.List;
import java.util.Map;

import io.modelport.training.EvaluationReport;

/**
 * A word2vec run's evaluation report: the headline figures the descriptor's quality
 * repeats, then the analogy and similarity details, probe neighbours, history and loss
 * curve.
 *
 * @param analogyAccuracy 3CosAdd accuracy over the answered questions
 * @param analogiesAnswered questions whose four words are in the vocabulary
 * @param analogiesSkipped the other questions
 * @param relatedMeanCosine mean cosine of the related pairs
 * @param unrelatedMeanCosine mean cosine of the unrelated pairs
 * @param similarityGap the difference of those two means
 * @param vocabularySize the words kept
 * @param tokens the corpus's tokens
 * @param tokensInVocabulary the tokens whose word was kept
 * @param finalLoss the last epoch's mean loss
 * @param wordsPerSecond the training throughput
 * @param analogies per-category and overall analogy results
 * @param similarity the related and unrelated pairs' cosines
 * @param neighbours the nearest words of each probe word
 * @param history one entry per epoch
 * @param lossCurve the smoothed loss, one point per {@code lossCurveStepsPerPoint} steps
 * @param lossCurveStepsPerPoint the steps per point of the loss curve
 * @param settings the settings used, defaults applied
 * @param definitions how the figures are defined
 * @author Modelport Team
 */
public record Word2VecReport(double analogyAccuracy, long analogiesAnswered, long analogiesSkipped,
		double relatedMeanCosine, double unrelatedMeanCosine, double similarityGap, long vocabularySize, long tokens,
		long tokensInVocabulary, double finalLoss, long wordsPerSecond, Map<String, Object> analogies,
		Map<String, Object> similarity, Map<String, List<String>> neighbours, List<Map<String, Object>> history,
		List<Double> lossCurve, int lossCurveStepsPerPoint, Map<String, Object> settings,
		String definitions) implements EvaluationReport {

	@Override
	public Map<String, Object> summary() {
		return Map.of(Word2VecTraining.QUALITY_METRIC, this.analogyAccuracy);
	}

}
