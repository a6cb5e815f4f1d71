package io.modelport.seq2seq.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelport.training.EvaluationReport;

/**
 * A translator's evaluation report: greedy and beam scores on the test pairs against the
 * copy-input and most-frequent-output baselines, decoding speed, examples, the split and
 * vocabulary sizes and the training history.
 *
 * @param testExamples the test pairs decoded
 * @param greedy greedy decoding's scores (exact match, BLEU and its parts)
 * @param beam beam search's settings and scores
 * @param baselines the baselines' outputs and scores
 * @param greedyMillisecondsPerExample greedy decoding's time per pair
 * @param beamMillisecondsPerExample beam search's time per pair
 * @param examples the first test pairs with both decodings
 * @param attentionHeatmaps the heat map files published beside the report
 * @param split the train, dev and test sizes, and the pairs left out for length
 * @param vocabulary the source and target symbol counts
 * @param bestEpoch the epoch whose weights were kept
 * @param bestDevExactMatch that epoch's dev exact match
 * @param trainSeconds the wall time of training
 * @param evaluationSeconds the wall time of the test decoding
 * @param history one entry per epoch
 * @param seed the seed of the splits and initialisation
 * @param definitions how the figures are defined
 * @author Modelport Team
 */
public record Seq2SeqReport(int testExamples, Map<String, Object> greedy, Map<String, Object> beam,
		Map<String, Object> baselines, double greedyMillisecondsPerExample, double beamMillisecondsPerExample,
		List<Map<String, Object>> examples, List<String> attentionHeatmaps, Map<String, Object> split,
		Map<String, Object> vocabulary, int bestEpoch, double bestDevExactMatch, long trainSeconds,
		long evaluationSeconds, List<Map<String, Object>> history, Long seed,
		String definitions) implements EvaluationReport {

	@Override
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("testExactMatch", this.beam.get("exactMatch"));
		summary.put("testBleu", this.beam.get("bleu"));
		return summary;
	}

}
