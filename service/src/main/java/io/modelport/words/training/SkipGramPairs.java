package io.modelport.words.training;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Skip-gram examples from a sentence: every word paired with every word in its window.
 * The C tool feeds the context word in and predicts the center word; the set of pairs is
 * the same either way round, and here the center is the input as the paper writes it.
 * Deterministic for a given generator state.
 *
 * @author Modelport Team
 */
public final class SkipGramPairs {

	private final ContextWindow window;

	public SkipGramPairs(ContextWindow window) {
		this.window = window;
	}

	/**
	 * Hands every pair to a consumer without allocating, for the training loop.
	 * @param sentence the sentence as vocabulary rows, already subsampled
	 * @param random the source of the window shrink draws (one per position)
	 * @param consumer receives (center, context) for each pair, position by position,
	 * left context before right
	 */
	public void forEach(int[] sentence, RandomGenerator random, PairConsumer consumer) {
		for (int position = 0; position < sentence.length; position++) {
			int reach = this.window.reach(random);
			int from = Math.max(0, position - reach);
			int to = Math.min(sentence.length - 1, position + reach);
			for (int other = from; other <= to; other++) {
				if (other != position) {
					consumer.accept(sentence[position], sentence[other]);
				}
			}
		}
	}

	/**
	 * All pairs of a sentence as a list, for tests and small corpora.
	 * @param sentence the sentence as vocabulary rows
	 * @param random the source of the window shrink draws
	 * @return the pairs in the order {@link #forEach} gives them
	 */
	public List<SkipGramPair> pairs(int[] sentence, RandomGenerator random) {
		List<SkipGramPair> pairs = new ArrayList<>();
		forEach(sentence, random, (center, context) -> pairs.add(new SkipGramPair(center, context)));
		return pairs;
	}

	/**
	 * Receives skip-gram pairs.
	 */
	@FunctionalInterface
	public interface PairConsumer {

		/**
		 * Takes one pair.
		 * @param center the row of the center word
		 * @param context the row of a word in its window
		 */
		void accept(int center, int context);

	}

}
