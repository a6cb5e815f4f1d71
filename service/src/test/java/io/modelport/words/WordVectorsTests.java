package io.modelport.words;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link WordVectors} on a hand-made featurized table (features gender, royal,
 * age, food) and its worked analogy (king − man + woman).
 *
 * @author Modelport Team
 */
class WordVectorsTests {

	static WordVectors specTable() {
		List<String> words = List.of("man", "woman", "king", "queen", "apple", "orange");
		float[] matrix = { -1, 0.01f, 0.03f, 0.04f, 1, 0.02f, 0.02f, 0.01f, -0.95f, 0.93f, 0.70f, 0.02f, 0.97f, 0.95f,
				0.69f, 0.01f, 0.00f, -0.01f, 0.03f, 0.95f, 0.01f, 0.00f, -0.02f, 0.97f };
		return new WordVectors(new Vocabulary(words, null), 4, matrix);
	}

	@Test
	void theSpecAnalogyVectorIsClosestToQueen() {
		WordVectors vectors = specTable();
		float[] query = new float[4];
		for (int i = 0; i < 4; i++) {
			query[i] = vectors.vector("king")[i] - vectors.vector("man")[i] + vectors.vector("woman")[i];
		}
		assertThat(query).containsExactly(new float[] { 1.05f, 0.94f, 0.69f, -0.01f }, within(1e-6f));
		// The worked example: queen 0.999, woman 0.690, king 0.153, apple 0.001, orange
		// -0.009,
		// man -0.649.
		List<Neighbour> ranked = vectors.nearest(query, 6, List.of());
		assertThat(ranked).extracting(Neighbour::word)
			.containsExactly("queen", "woman", "king", "apple", "orange", "man");
		// The spec rounds 0.15247 up to 0.153, hence a tolerance of one in the last
		// place.
		double[] scores = ranked.stream().mapToDouble(Neighbour::score).toArray();
		assertThat(scores).containsExactly(new double[] { 0.999, 0.690, 0.153, 0.001, -0.009, -0.649 }, within(1e-3));
		assertThat(WordVectors.cosine(query, vectors.vector("queen"))).isCloseTo(0.999, within(5e-4));
	}

	@Test
	void analogyAddsUnitVectorsAndLeavesTheQuestionWordsOut() {
		// man : woman :: king : ? with ê_woman − ê_man + ê_king; cosines worked out in
		// numpy.
		List<Neighbour> answers = specTable().analogy("man", "woman", "king", 3);
		assertThat(answers).extracting(Neighbour::word).containsExactly("queen", "apple", "orange");
		assertThat(answers.get(0).score()).isCloseTo(0.9346, within(1e-4));
		assertThat(answers.get(0).index()).isEqualTo(3);
	}

	@Test
	void cosineOfTwoWords() {
		WordVectors vectors = specTable();
		assertThat(vectors.cosine("man", "woman")).isCloseTo(-0.99706, within(1e-5));
		assertThat(vectors.cosine("apple", "apple")).isCloseTo(1.0, within(1e-6));
		assertThat(WordVectors.cosine(new float[] { 1, 0 }, new float[] { 0, 0 })).isZero();
	}

	@Test
	void nearestWordsLeaveTheWordItselfOut() {
		assertThat(specTable().nearest("apple", 2)).extracting(Neighbour::word).containsExactly("orange", "man");
	}

	@Test
	void unknownWordsAreNamed() {
		WordVectors vectors = specTable();
		assertThatExceptionOfType(UnknownWordException.class).isThrownBy(() -> vectors.vector("Queen"))
			.withMessage("word 'Queen' is not in the vocabulary")
			.extracting(UnknownWordException::word)
			.isEqualTo("Queen");
		assertThatExceptionOfType(UnknownWordException.class)
			.isThrownBy(() -> vectors.analogy("man", "woman", "prince", 1))
			.withMessageContaining("'prince'");
	}

	@Test
	void unknownWordsFallBackToUnkWhichIsNeverANeighbour() {
		Vocabulary vocabulary = new Vocabulary(List.of(Vocabulary.UNK, "a", "b"), new long[] { 5, 3, 2 });
		WordVectors vectors = new WordVectors(vocabulary, 2, new float[] { 1, 0, 0.9f, 0.1f, 0, 1 });
		assertThat(vectors.vector("zebra")).containsExactly(1, 0);
		assertThat(vectors.nearest(new float[] { 1, 0 }, 5, List.of())).extracting(Neighbour::word)
			.containsExactly("a", "b");
	}

	@Test
	void meanLeavesUnknownTokensOutAndReportsThem() {
		MeanVector mean = specTable().mean(List.of("apple", "pear", "orange", "pear"));
		assertThat(mean.vector()).containsExactly(new float[] { 0.005f, -0.005f, 0.005f, 0.96f }, within(1e-6f));
		assertThat(mean.knownTokens()).isEqualTo(2);
		assertThat(mean.unknownTokens()).containsExactly("pear", "pear");
		assertThat(specTable().mean(List.of("pear")).vector()).containsExactly(0, 0, 0, 0);
	}

	@Test
	void theMatrixMustMatchTheVocabulary() {
		Vocabulary vocabulary = new Vocabulary(List.of("a"), null);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new WordVectors(vocabulary, 3, new float[2]))
			.withMessageContaining("needs 3 values");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new WordVectors(vocabulary, 1, new float[] { Float.NaN }))
			.withMessageContaining("'a'");
	}

}
