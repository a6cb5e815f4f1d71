package io.modelport.words.training;

import java.util.random.RandomGenerator;

/**
 * The window of context positions around each word of a sentence. With shrinking on (the
 * C tool always shrinks), each position draws b uniformly from 0 … window−1 and reaches
 * window − b words to each side, so near words are seen more often than far ones: a word
 * at distance d is in reach with probability (window − d + 1) / window.
 *
 * @param window the largest number of words on each side (5 by default, docs/ml-notes.md,
 * "Word vectors")
 * @param shrink whether each position draws a smaller reach at random
 * @author Modelport Team
 */
public record ContextWindow(int window, boolean shrink) {

	public ContextWindow {
		if (window < 1) {
			throw new IllegalArgumentException("the window must be at least 1, was " + window);
		}
	}

	/**
	 * The reach for one position: one draw from the generator when shrinking, none
	 * otherwise, so a seed fixes every window.
	 * @param random the source of randomness
	 * @return how many words to each side are context
	 */
	public int reach(RandomGenerator random) {
		return this.shrink ? this.window - random.nextInt(this.window) : this.window;
	}

}
