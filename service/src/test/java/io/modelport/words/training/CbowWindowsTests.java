package io.modelport.words.training;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CbowWindows}, windows worked out by hand.
 *
 * @author Modelport Team
 */
class CbowWindowsTests {

	private static final int[] SENTENCE = { 10, 11, 12, 13, 14 };

	@Test
	void aFixedWindowCollectsTheNeighboursLeftToRight() {
		CbowWindows windows = new CbowWindows(new ContextWindow(2, false));
		assertThat(windows.windows(SENTENCE, new ScriptedRandom())).containsExactly(new CbowWindow(10, List.of(11, 12)),
				new CbowWindow(11, List.of(10, 12, 13)), new CbowWindow(12, List.of(10, 11, 13, 14)),
				new CbowWindow(13, List.of(11, 12, 14)), new CbowWindow(14, List.of(12, 13)));
	}

	@Test
	void aShrunkWindowReachesWindowMinusTheDraw() {
		CbowWindows windows = new CbowWindows(new ContextWindow(2, true));
		assertThat(windows.windows(SENTENCE, new ScriptedRandom(1, 0, 1, 1, 0))).containsExactly(
				new CbowWindow(10, List.of(11)), new CbowWindow(11, List.of(10, 12, 13)),
				new CbowWindow(12, List.of(11, 13)), new CbowWindow(13, List.of(12, 14)),
				new CbowWindow(14, List.of(12, 13)));
	}

	@Test
	void aOneWordSentenceGivesNoWindow() {
		assertThat(new CbowWindows(new ContextWindow(5, true)).windows(new int[] { 3 }, new SplittableRandom(1)))
			.isEmpty();
	}

	@Test
	void theSameSeedGivesTheSameWindows() {
		CbowWindows windows = new CbowWindows(new ContextWindow(3, true));
		int[] sentence = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		assertThat(windows.windows(sentence, new SplittableRandom(4)))
			.isEqualTo(windows.windows(sentence, new SplittableRandom(4)));
	}

}
