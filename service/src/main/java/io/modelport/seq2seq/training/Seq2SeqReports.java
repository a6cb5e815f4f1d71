package io.modelport.seq2seq.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;

import io.modelport.seq2seq.AttentionHeatmap;
import io.modelport.seq2seq.Bleu;
import io.modelport.seq2seq.Hypothesis;
import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.training.EpochResult;

/**
 * The parts of a translator's evaluation report and provenance: the test scores against
 * the copy and most-frequent baselines, the split sizes, the epoch history, the attention
 * heat maps of test examples and the quality figures promotion compares.
 *
 * @author Modelport Team
 */
final class Seq2SeqReports {

	private Seq2SeqReports() {
	}

	static Map<String, Object> scores(List<SequencePair> pairs, List<String> outputs, SymbolVocabulary.Level level) {
		List<List<String>> candidates = outputs.stream().map(level::split).toList();
		List<List<String>> references = pairs.stream().map((pair) -> level.split(pair.target())).toList();
		int matches = 0;
		for (int i = 0; i < pairs.size(); i++) {
			matches += candidates.get(i).equals(references.get(i)) ? 1 : 0;
		}
		Bleu.Score bleu = Bleu.corpus(candidates, references);
		Map<String, Object> scores = new LinkedHashMap<>();
		scores.put("exactMatch", round((double) matches / pairs.size()));
		scores.put("bleu", round(bleu.bleu()));
		scores.put("precisions", java.util.Arrays.stream(bleu.precisions()).map(Seq2SeqReports::round).toArray());
		scores.put("brevityPenalty", round(bleu.brevityPenalty()));
		return scores;
	}

	static Map<String, Object> baselines(List<SequencePair> train, List<SequencePair> test,
			SymbolVocabulary.Level level) {
		Map<String, Integer> counts = new HashMap<>();
		train.forEach((pair) -> counts.merge(pair.target(), 1, Integer::sum));
		String mostFrequent = counts.entrySet()
			.stream()
			.max(Map.Entry.<String, Integer>comparingByValue()
				.thenComparing(Map.Entry::getKey, Comparator.<String>reverseOrder()))
			.map(Map.Entry::getKey)
			.orElse("");
		Map<String, Object> baselines = new LinkedHashMap<>();
		baselines.put("copyInput", scores(test, test.stream().map(SequencePair::source).toList(), level));
		Map<String, Object> frequent = new LinkedHashMap<>();
		frequent.put("output", mostFrequent);
		frequent.putAll(scores(test, test.stream().map((pair) -> mostFrequent).toList(), level));
		baselines.put("mostFrequent", frequent);
		return baselines;
	}

	// Rows are the generated symbols and <EOS> when the hypothesis finished.
	static byte[] heatmap(Hypothesis hypothesis, SequencePair pair, SymbolVocabulary source, SymbolVocabulary target) {
		List<String> columns = source.level().split(pair.source());
		List<String> rows = new ArrayList<>(target.symbols(hypothesis.tokens()));
		if (hypothesis.finished()) {
			rows.add(SymbolVocabulary.EOS);
		}
		float[][] weights = hypothesis.attention().subList(0, rows.size()).toArray(new float[0][]);
		return AttentionHeatmap.png(weights, columns, rows);
	}

	static Map<String, Object> quality(Seq2SeqReport evaluation) {
		Map<String, Object> beam = evaluation.beam();
		Map<String, Object> greedy = evaluation.greedy();
		Map<String, Object> quality = new LinkedHashMap<>();
		// Promotion compares testAccuracy: here the exact match of the descriptor's beam.
		quality.put("testAccuracy", beam.get("exactMatch"));
		quality.put("testBleu", beam.get("bleu"));
		quality.put("testGreedyExactMatch", greedy.get("exactMatch"));
		quality.put("testGreedyBleu", greedy.get("bleu"));
		return quality;
	}

	static Map<String, Object> splitSizes(PairSplits splits, List<SequencePair> train, List<SequencePair> dev,
			List<SequencePair> test) {
		Map<String, Object> sizes = new LinkedHashMap<>();
		sizes.put("train", train.size());
		sizes.put("dev", dev.size());
		sizes.put("test", test.size());
		sizes.put("leftOutForLength", splits.train().size() + splits.dev().size() + splits.test().size() - train.size()
				- dev.size() - test.size());
		return sizes;
	}

	static List<Map<String, Object>> history(List<EpochResult> history) {
		return history.stream().map((epoch) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("epoch", epoch.epoch());
			entry.put("trainLoss", round(epoch.trainLoss()));
			entry.put("devLoss", round(epoch.devLoss()));
			entry.put("devExactMatch", round(epoch.devAccuracy()));
			entry.put("seconds", round(epoch.seconds()));
			return entry;
		}).toList();
	}

	static Map<String, Object> provenance(Seq2SeqTraining.Request request, Seq2SeqTrainer.Report report,
			Map<String, Object> quality, Seq2SeqReport evaluation) {
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", request.trainedBy());
		provenance.put("trainedAt", Instant.now().toString());
		provenance.put("dataset", request.datasetDescription() + "; split " + evaluation.split());
		provenance.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch "
				+ Engine.getEngine("PyTorch").getVersion() + ", " + Engine.getEngine("PyTorch").defaultDevice());
		Map<String, Object> settings = new LinkedHashMap<>(request.settings().toMap());
		settings.remove("flip");
		settings.remove("maxShift");
		settings.remove("devFraction");
		settings.remove("testFraction");
		settings.put("seq2seq", request.seq2seq().toMap());
		provenance.put("settings", settings);
		provenance.put("bestEpoch", report.bestEpoch());
		provenance.put("trainSeconds", Math.round(report.trainSeconds()));
		provenance.put("history", evaluation.history());
		provenance.put("quality", quality);
		return provenance;
	}

	static double round(double value) {
		return Math.round(value * 1_000_000) / 1_000_000.0;
	}

}
