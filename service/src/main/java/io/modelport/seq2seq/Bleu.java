package io.modelport.seq2seq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level BLEU (Papineni et al. 2002; docs/ml-notes.md, "Sequence to sequence") with
 * one reference per candidate: n-gram counts are clipped by the reference's counts and
 * summed over the whole corpus before dividing, for n = 1 to 4; BLEU = BP · exp(¼ Σ log
 * p_n) with the brevity penalty BP = 1 if c &gt; r else exp(1 − r/c) over the corpus
 * lengths. No smoothing: a corpus with no matching 4-gram scores 0, as in the paper.
 *
 * @author Modelport Team
 */
public final class Bleu {

	/** The largest n-gram order. */
	public static final int MAX_ORDER = 4;

	private Bleu() {
	}

	/**
	 * Scores a corpus.
	 * @param candidates the outputs, as symbol lists
	 * @param references the reference of each output
	 * @return the score and its parts
	 * @throws IllegalArgumentException when the lists differ in length
	 */
	public static Score corpus(List<List<String>> candidates, List<List<String>> references) {
		if (candidates.size() != references.size()) {
			throw new IllegalArgumentException(
					candidates.size() + " candidates but " + references.size() + " references");
		}
		long[] matches = new long[MAX_ORDER];
		long[] totals = new long[MAX_ORDER];
		long candidateLength = 0;
		long referenceLength = 0;
		for (int i = 0; i < candidates.size(); i++) {
			List<String> candidate = candidates.get(i);
			List<String> reference = references.get(i);
			candidateLength += candidate.size();
			referenceLength += reference.size();
			for (int n = 1; n <= MAX_ORDER; n++) {
				Map<List<String>, Integer> available = ngrams(reference, n);
				for (Map.Entry<List<String>, Integer> gram : ngrams(candidate, n).entrySet()) {
					matches[n - 1] += Math.min(gram.getValue(), available.getOrDefault(gram.getKey(), 0));
					totals[n - 1] += gram.getValue();
				}
			}
		}
		double[] precisions = new double[MAX_ORDER];
		double logSum = 0;
		for (int n = 0; n < MAX_ORDER; n++) {
			precisions[n] = (totals[n] > 0) ? (double) matches[n] / totals[n] : 0;
			logSum += Math.log(precisions[n]);
		}
		double brevity = (candidateLength == 0) ? 0
				: (candidateLength > referenceLength) ? 1 : Math.exp(1 - (double) referenceLength / candidateLength);
		double bleu = (brevity == 0 || Double.isInfinite(logSum)) ? 0 : brevity * Math.exp(logSum / MAX_ORDER);
		return new Score(bleu, precisions, brevity, candidateLength, referenceLength);
	}

	private static Map<List<String>, Integer> ngrams(List<String> symbols, int n) {
		Map<List<String>, Integer> counts = new HashMap<>();
		for (int i = 0; i + n <= symbols.size(); i++) {
			counts.merge(List.copyOf(symbols.subList(i, i + n)), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * A corpus BLEU score.
	 *
	 * @param bleu the score in [0, 1]
	 * @param precisions the clipped n-gram precisions p₁ … p₄
	 * @param brevityPenalty BP
	 * @param candidateLength c, the candidates' total length
	 * @param referenceLength r, the references' total length
	 */
	public record Score(double bleu, double[] precisions, double brevityPenalty, long candidateLength,
			long referenceLength) {

	}

}
