package io.modelport.words.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import io.modelport.words.Tokenizer;
import io.modelport.words.TokenizerSettings;
import io.modelport.words.WordVectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Word2VecTrainer}: the negative-sampling loss against values worked out
 * by hand, and training on a small corpus with a strong structure (animals do animal
 * things, fruit is described as fruit) for skip-gram and CBOW.
 *
 * @author Modelport Team
 */
class Word2VecTrainerTests {

	private static final List<String> ANIMALS = List.of("cat", "dog", "cow", "horse", "sheep");

	private static final List<String> ANIMAL_WORDS = List.of("runs", "sleeps", "barks", "grazes", "field", "barn");

	private static final List<String> FRUITS = List.of("apple", "pear", "plum", "grape", "cherry");

	private static final List<String> FRUIT_WORDS = List.of("ripe", "sweet", "juicy", "sliced", "bowl", "tree");

	@Test
	void lossIsMinusLogSigmoidOfThePositiveAndOfTheNegatedNegatives() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			// All scores 0: σ(0) = 1/2 for the positive and for each of the two
			// negatives, so L = 3 log 2 = 2.079442.
			NDArray zero = manager.zeros(new Shape(1, 3));
			NDArray signs = manager.create(new float[] { 1, -1, -1 }, new Shape(1, 3));
			assertThat(Word2VecTrainer.loss(zero, signs).getFloat()).isCloseTo(2.079442f, within(1e-5f));
			// s_pos = 2, s_neg = -1 and 3: −log σ(2) − log σ(1) − log σ(−3)
			// = 0.126928 + 0.313262 + 3.048587 = 3.488777.
			NDArray scores = manager.create(new float[] { 2, -1, 3 }, new Shape(1, 3));
			assertThat(Word2VecTrainer.loss(scores, signs).getFloat()).isCloseTo(3.488777f, within(1e-5f));
			// A negative that drew the positive word is weighted 0: only −log σ(2) and
			// −log σ(1) are left; two rows add up.
			NDArray skipped = manager.create(new float[] { 1, -1, 0 }, new Shape(1, 3));
			assertThat(Word2VecTrainer.loss(scores, skipped).getFloat()).isCloseTo(0.440190f, within(1e-5f));
			NDArray twoRows = manager.create(new float[] { 2, -1, 3, 0, 0, 0 }, new Shape(2, 3));
			NDArray twoSigns = manager.create(new float[] { 1, -1, -1, 1, -1, -1 }, new Shape(2, 3));
			assertThat(Word2VecTrainer.loss(twoRows, twoSigns).getFloat()).isCloseTo(3.488777f + 2.079442f,
					within(1e-4f));
		}
	}

	@Test
	void skipGramPutsWordsOfTheSameKindCloser() throws IOException {
		assertStructure(train("skip-gram"));
	}

	@Test
	void cbowPutsWordsOfTheSameKindCloser() throws IOException {
		assertStructure(train("cbow"));
	}

	@Test
	void theSameSeedGivesTheSameVectors() throws IOException {
		Word2VecTrainer.Result first = train("skip-gram");
		Word2VecTrainer.Result second = train("skip-gram");
		assertThat(first.vectors().vector("cat")).containsExactly(second.vectors().vector("cat"));
		assertThat(first.history()).extracting(Word2VecTrainer.EpochStats::loss)
			.containsExactlyElementsOf(second.history().stream().map(Word2VecTrainer.EpochStats::loss).toList());
	}

	private static void assertStructure(Word2VecTrainer.Result result) {
		WordVectors vectors = result.vectors();
		double same = (vectors.cosine("cat", "dog") + vectors.cosine("apple", "pear") + vectors.cosine("cow", "sheep")
				+ vectors.cosine("plum", "grape")) / 4;
		double different = (vectors.cosine("cat", "apple") + vectors.cosine("dog", "pear")
				+ vectors.cosine("cow", "plum") + vectors.cosine("sheep", "grape")) / 4;
		assertThat(same).isGreaterThan(different + 0.3);
		assertThat(vectors.nearest("cat", 3)).extracting((n) -> n.word()).allMatch(ANIMALS::contains);
		assertThat(result.history()).hasSize(4);
		assertThat(result.history().get(3).loss()).isLessThan(result.history().get(0).loss());
		assertThat(result.lossCurve()).isNotEmpty();
		assertThat(result.wordsPerSecond()).isPositive();
	}

	private static Word2VecTrainer.Result train(String architecture) throws IOException {
		Word2VecSettings settings = new Word2VecSettings(architecture, 16, 3, 5, null, 0.0, 1, 4, null, 64, null, 5L);
		Corpus corpus = Corpus.of(sentences(), new Tokenizer(TokenizerSettings.DEFAULT), 1, 1000);
		List<Integer> epochs = new ArrayList<>();
		Word2VecTrainer.Result result = new Word2VecTrainer(settings, Device.cpu()).train(corpus,
				(stats, input) -> epochs.add(stats.epoch()));
		assertThat(epochs).containsExactly(1, 2, 3, 4);
		return result;
	}

	// Each sentence names two things of one kind with words of that kind only.
	private static List<String> sentences() {
		Random random = new Random(11);
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			boolean animal = (i % 2 == 0);
			List<String> things = animal ? ANIMALS : FRUITS;
			List<String> words = animal ? ANIMAL_WORDS : FRUIT_WORDS;
			sentences.add(String.join(" ", things.get(random.nextInt(5)), words.get(random.nextInt(6)),
					words.get(random.nextInt(6)), things.get(random.nextInt(5)), words.get(random.nextInt(6))));
		}
		return sentences;
	}

}
