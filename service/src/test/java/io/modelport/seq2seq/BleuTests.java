package io.modelport.seq2seq;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Corpus BLEU against values worked out by hand.
 *
 * @author Modelport Team
 */
class BleuTests {

	@Test
	void oneSentenceWithEveryOrderPartlyMatched() {
		// 1-grams 5/6 ("the" is clipped to 1), 2-grams 3/5, 3-grams 2/4, 4-grams 1/3, c =
		// r.
		Bleu.Score score = Bleu.corpus(List.of(words("the cat sat on the mat")),
				List.of(words("the cat sat on a mat")));
		assertThat(score.precisions()).containsExactly(new double[] { 5 / 6.0, 3 / 5.0, 2 / 4.0, 1 / 3.0 },
				offset(1e-12));
		assertThat(score.brevityPenalty()).isEqualTo(1.0);
		assertThat(score.bleu()).isCloseTo(Math.pow(5 / 6.0 * 3 / 5.0 * 1 / 2.0 * 1 / 3.0, 0.25), offset(1e-12));
	}

	@Test
	void countsArePooledOverTheCorpusBeforeDividing() {
		// Sentence 1 matches exactly (4 + 3 + 2 + 1 n-grams); sentence 2 has 4 unigrams
		// of
		// which 2 match and no longer match: p = 6/8, 3/6, 2/4, 1/2.
		Bleu.Score score = Bleu.corpus(List.of(words("a b c d"), words("w x y z")),
				List.of(words("a b c d"), words("w q y r")));
		assertThat(score.precisions()).containsExactly(new double[] { 6 / 8.0, 3 / 6.0, 2 / 4.0, 1 / 2.0 },
				offset(1e-12));
		assertThat(score.bleu()).isCloseTo(Math.pow(0.75 * 0.5 * 0.5 * 0.5, 0.25), offset(1e-12));
	}

	@Test
	void shortCandidatesPayTheBrevityPenalty() {
		Bleu.Score score = Bleu.corpus(List.of(words("a b c d")), List.of(words("a b c d e f")));
		assertThat(score.precisions()).containsExactly(new double[] { 1, 1, 1, 1 }, offset(1e-12));
		assertThat(score.brevityPenalty()).isCloseTo(Math.exp(1 - 6 / 4.0), offset(1e-12));
		assertThat(score.bleu()).isCloseTo(Math.exp(-0.5), offset(1e-12));
	}

	@Test
	void noMatchingFourGramScoresZero() {
		assertThat(Bleu.corpus(List.of(words("the the the the the the the")), List.of(words("the cat is on the mat")))
			.bleu()).isZero();
		assertThat(Bleu.corpus(List.of(words("")), List.of(words("a"))).bleu()).isZero();
	}

	private static List<String> words(String text) {
		return SymbolVocabulary.Level.WORD.split(text);
	}

}
