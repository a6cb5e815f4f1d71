package io.modelport.words.training;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.modelport.words.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Subsampling}, with probabilities worked out by hand.
 *
 * @author Modelport Team
 */
class SubsamplingTests {

	private static final Subsampling C_TOOL = new Subsampling(1e-3, Subsampling.Formula.WORD2VEC_C);

	private static final Subsampling PAPER = new Subsampling(1e-3, Subsampling.Formula.PAPER);

	@Test
	void theCToolFormulaAddsTOverZ() {
		// z = 0.04: t/z = 0.025, √0.025 = 0.158114, keep = 0.183114.
		assertThat(C_TOOL.keepProbability(40_000, 1_000_000)).isCloseTo(0.183114, within(1e-6));
		// The C tool's own expression: (sqrt(cn / (t·total)) + 1) · (t·total) / cn.
		double cToolExpression = (Math.sqrt(40_000 / (1e-3 * 1_000_000)) + 1) * (1e-3 * 1_000_000) / 40_000;
		assertThat(C_TOOL.keepProbability(40_000, 1_000_000)).isCloseTo(cToolExpression, within(1e-12));
	}

	@Test
	void thePaperFormulaIsTheSquareRootAlone() {
		// Discard 1 − √(t/z) = 1 − 0.158114.
		assertThat(PAPER.keepProbability(40_000, 1_000_000)).isCloseTo(0.158114, within(1e-6));
	}

	@Test
	void rareWordsAreAlwaysKept() {
		// z = t: the paper keeps with √1 = 1, the C tool with 2, capped at 1.
		assertThat(C_TOOL.keepProbability(1_000, 1_000_000)).isEqualTo(1.0);
		assertThat(PAPER.keepProbability(1_000, 1_000_000)).isEqualTo(1.0);
		// The C tool starts to drop a word only where √(t/z) + t/z < 1: z > 2.618 t.
		assertThat(C_TOOL.keepProbability(2_600, 1_000_000)).isEqualTo(1.0);
		assertThat(C_TOOL.keepProbability(2_700, 1_000_000)).isLessThan(1.0);
		assertThat(new Subsampling(0, Subsampling.Formula.PAPER).keepProbability(999_999, 1_000_000)).isEqualTo(1.0);
	}

	@Test
	void keepProbabilitiesFollowTheVocabulary() {
		Vocabulary vocabulary = new Vocabulary(List.of("the", "cat"), new long[] { 9_000, 1_000 });
		double[] keep = new Subsampling(1e-2, Subsampling.Formula.PAPER).keepProbabilities(vocabulary);
		// the: z = 0.9, √(0.01/0.9) = 0.105409; cat: z = 0.1, √0.1 = 0.316228.
		assertThat(keep).containsExactly(new double[] { 0.105409, 0.316228 }, within(1e-6));
	}

	@Test
	void applyingKeepsEachOccurrenceWithItsProbability() {
		int[] sentence = new int[100_000];
		for (int i = 0; i < sentence.length; i += 2) {
			sentence[i + 1] = 1;
		}
		int[] kept = Subsampling.apply(sentence, new double[] { 0.25, 1.0 }, new SplittableRandom(11));
		long zeros = Arrays.stream(kept).filter((row) -> row == 0).count();
		assertThat(kept.length - zeros).isEqualTo(50_000);
		// Binomial(50,000, 0.25): mean 12,500, standard deviation ≈ 97; allow 5σ.
		assertThat(zeros).isBetween(12_015L, 12_985L);
		assertThat(Subsampling.apply(sentence, new double[] { 0.25, 1.0 }, new SplittableRandom(11))).isEqualTo(kept);
	}

	@Test
	void aNegativeThresholdIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Subsampling(-1, Subsampling.Formula.PAPER));
	}

}
