package io.modelport.words.training;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import io.modelport.words.Vocabulary;

/**
 * Subsampling of frequent words (Mikolov et al. 2013; docs/ml-notes.md, "Word vectors"):
 * each occurrence of a word of corpus frequency z = count / total is kept with a
 * probability that falls as z grows past a threshold t.
 * <p>
 * Two variants exist and differ by the term t/z:
 * <ul>
 * <li>{@link Formula#WORD2VEC_C}, the default: keep = √(t/z) + t/z, the C tool's
 * {@code (sqrt(cn/(t·total)) + 1)·(t·total)/cn}, which gensim copies. Chosen because it
 * is what the vectors users import were trained with, so our training matches theirs, and
 * the extra t/z keeps a little more of the moderately frequent words.</li>
 * <li>{@link Formula#PAPER}: keep = √(t/z), i.e. discard with probability 1 − √(t/z) as
 * the paper writes it.</li>
 * </ul>
 * Both are capped at 1. A threshold of 0 turns subsampling off (the C tool's
 * {@code -sample 0}).
 *
 * @param threshold t, 1e-3 in the C tool, 1e-5 in the paper
 * @param formula which variant
 * @author Modelport Team
 */
public record Subsampling(double threshold, Formula formula) {

	public Subsampling {
		if (!(threshold >= 0)) {
			throw new IllegalArgumentException("the subsampling threshold must be at least 0, was " + threshold);
		}
	}

	/**
	 * The probability that one occurrence of a word is kept.
	 * @param count the word's corpus count
	 * @param total the corpus length
	 * @return the probability, in (0, 1]
	 */
	public double keepProbability(long count, long total) {
		if (this.threshold == 0 || count == 0) {
			return 1;
		}
		double ratio = this.threshold * total / count;
		double keep = (this.formula == Formula.WORD2VEC_C) ? Math.sqrt(ratio) + ratio : Math.sqrt(ratio);
		return Math.min(1, keep);
	}

	/**
	 * The keep probability of every word in a vocabulary, by row.
	 * @param vocabulary the vocabulary, with counts
	 * @return one probability per row
	 */
	public double[] keepProbabilities(Vocabulary vocabulary) {
		double[] keep = new double[vocabulary.size()];
		for (int row = 0; row < keep.length; row++) {
			keep[row] = keepProbability(vocabulary.count(row), vocabulary.totalCount());
		}
		return keep;
	}

	/**
	 * Drops occurrences at random. Windows are then taken over what is left, so a dropped
	 * "the" brings farther words into reach, as in the C tool.
	 * @param sentence the sentence as vocabulary rows
	 * @param keep the keep probability per row
	 * @param random the source of randomness (seeded for reproducible runs)
	 * @return the kept rows, in order
	 */
	public static int[] apply(int[] sentence, double[] keep, RandomGenerator random) {
		int[] kept = new int[sentence.length];
		int length = 0;
		for (int row : sentence) {
			if (random.nextDouble() < keep[row]) {
				kept[length++] = row;
			}
		}
		return Arrays.copyOf(kept, length);
	}

	/**
	 * The two keep-probability variants.
	 */
	public enum Formula {

		/**
		 * √(t/z) + t/z, as the word2vec C tool and gensim compute it.
		 */
		WORD2VEC_C,

		/**
		 * √(t/z), as the paper states it.
		 */
		PAPER

	}

}
