package io.modelport.words;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Vocabulary} and {@link VocabularyBuilder}.
 *
 * @author Modelport Team
 */
class VocabularyTests {

	private static final List<String> CORPUS = List.of("the", "cat", "sat", "on", "the", "mat", "the", "cat", "ran",
			"a", "cat");

	@Test
	void wordsAreSortedByCountThenAlphabetically() {
		VocabularyBuilder builder = new VocabularyBuilder().addAll(CORPUS);
		Vocabulary vocabulary = builder.build(1, false);
		assertThat(builder.tokenCount()).isEqualTo(11);
		assertThat(vocabulary.words()).containsExactly("cat", "the", "a", "mat", "on", "ran", "sat");
		assertThat(vocabulary.counts()).containsExactly(3, 3, 1, 1, 1, 1, 1);
		assertThat(vocabulary.totalCount()).isEqualTo(11);
		assertThat(vocabulary.indexOf("the")).isEqualTo(1);
		assertThat(vocabulary.indexOf("dog")).isEqualTo(-1);
		assertThat(vocabulary.unknownIndex()).isEqualTo(-1);
	}

	@Test
	void minCountPrunesRareWords() {
		Vocabulary vocabulary = new VocabularyBuilder().addAll(CORPUS).build(2, false);
		assertThat(vocabulary.words()).containsExactly("cat", "the");
		assertThat(vocabulary.totalCount()).isEqualTo(6);
		// Without <UNK>, pruned words drop out of sentences as in the C tool.
		assertThat(vocabulary.encode(List.of("the", "cat", "sat"))).containsExactly(1, 0);
	}

	@Test
	void unknownPoolsThePrunedWordsAtRowZero() {
		Vocabulary vocabulary = new VocabularyBuilder().addAll(CORPUS).add(Vocabulary.UNK).build(2, true);
		assertThat(vocabulary.words()).containsExactly(Vocabulary.UNK, "cat", "the");
		// a, mat, on, ran, sat and the literal <UNK> token.
		assertThat(vocabulary.count(0)).isEqualTo(6);
		assertThat(vocabulary.totalCount()).isEqualTo(12);
		assertThat(vocabulary.resolve("sat")).isZero();
		assertThat(vocabulary.indexOf("sat")).isEqualTo(-1);
		assertThat(vocabulary.encode(List.of("the", "dog", "cat"))).containsExactly(2, 0, 1);
	}

	@Test
	void vocabulariesFromFilesHaveNoCounts() {
		Vocabulary vocabulary = new Vocabulary(List.of("b", "a"), null);
		assertThat(vocabulary.counts()).containsExactly(0, 0);
		assertThat(vocabulary.indexOf("a")).isEqualTo(1);
	}

	@Test
	void badInputIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Vocabulary(List.of("a", "a"), null))
			.withMessageContaining("'a' appears twice");
		assertThatIllegalArgumentException().isThrownBy(() -> new Vocabulary(List.of("a"), new long[2]));
		assertThatIllegalArgumentException().isThrownBy(() -> new VocabularyBuilder().build(0, false));
	}

}
