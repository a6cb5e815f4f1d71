package io.modelport.words.training;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SkipGramPairs} on a five-word sentence, rows 10 to 14, pairs worked
 * out by hand.
 *
 * @author Modelport Team
 */
class SkipGramPairsTests {

	private static final int[] SENTENCE = { 10, 11, 12, 13, 14 };

	private static SkipGramPair pair(int center, int context) {
		return new SkipGramPair(center, context);
	}

	@Test
	void aFixedWindowPairsEveryWordWithItsNeighbours() {
		SkipGramPairs pairs = new SkipGramPairs(new ContextWindow(1, false));
		assertThat(pairs.pairs(SENTENCE, new ScriptedRandom())).containsExactly(pair(10, 11), pair(11, 10),
				pair(11, 12), pair(12, 11), pair(12, 13), pair(13, 12), pair(13, 14), pair(14, 13));
	}

	@Test
	void aShrunkWindowReachesWindowMinusTheDraw() {
		SkipGramPairs pairs = new SkipGramPairs(new ContextWindow(2, true));
		// Draws 0, 1, 0, 1, 1: reaches 2, 1, 2, 1, 1.
		assertThat(pairs.pairs(SENTENCE, new ScriptedRandom(0, 1, 0, 1, 1))).containsExactly(pair(10, 11), pair(10, 12),
				pair(11, 10), pair(11, 12), pair(12, 10), pair(12, 11), pair(12, 13), pair(12, 14), pair(13, 12),
				pair(13, 14), pair(14, 13));
	}

	@Test
	void theSameSeedGivesTheSamePairs() {
		SkipGramPairs pairs = new SkipGramPairs(new ContextWindow(5, true));
		int[] sentence = new int[200];
		for (int i = 0; i < sentence.length; i++) {
			sentence[i] = i % 17;
		}
		assertThat(pairs.pairs(sentence, new SplittableRandom(9)))
			.isEqualTo(pairs.pairs(sentence, new SplittableRandom(9)))
			.isNotEqualTo(pairs.pairs(sentence, new SplittableRandom(10)));
	}

	@Test
	void shrinkingFavoursNearWords() {
		// A word at distance d is in reach with probability (window − d + 1) / window.
		int window = 4;
		int[] sentence = new int[41];
		for (int i = 0; i < sentence.length; i++) {
			sentence[i] = i;
		}
		long[] byDistance = new long[window + 1];
		SplittableRandom random = new SplittableRandom(1);
		SkipGramPairs pairs = new SkipGramPairs(new ContextWindow(window, true));
		for (int run = 0; run < 500; run++) {
			pairs.forEach(sentence, random, (center, context) -> {
				if (center == 20 && context > 20) {
					byDistance[context - 20]++;
				}
			});
		}
		assertThat(byDistance[1]).isEqualTo(500);
		assertThat(byDistance[4] / 500.0).isBetween(0.15, 0.35);
		assertThat(byDistance[2]).isGreaterThan(byDistance[3]).isGreaterThan(0);
	}

	@Test
	void theWindowMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ContextWindow(0, true));
	}

}
