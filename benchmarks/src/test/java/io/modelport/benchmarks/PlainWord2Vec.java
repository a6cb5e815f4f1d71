package io.modelport.benchmarks;

import java.util.SplittableRandom;

import io.modelport.words.Vocabulary;
import io.modelport.words.WordVectors;
import io.modelport.words.training.CbowWindows;
import io.modelport.words.training.ContextWindow;
import io.modelport.words.training.Corpus;
import io.modelport.words.training.NegativeSampler;
import io.modelport.words.training.SkipGramPairs;
import io.modelport.words.training.Subsampling;
import io.modelport.words.training.Word2VecSettings;

/**
 * The baseline the DJL trainer is measured against: the word2vec C tool's inner loop on
 * plain {@code float[]} matrices, one thread, one pair at a time, with the same
 * subsampling, windows, negative sampler, initialisation and linear learning-rate decay.
 *
 * @author Modelport Team
 */
final class PlainWord2Vec {

	private final Word2VecSettings settings;

	PlainWord2Vec(Word2VecSettings settings) {
		this.settings = settings.withDefaults();
	}

	/**
	 * Trains on a corpus.
	 * @param corpus the corpus
	 * @return the input vectors
	 */
	WordVectors train(Corpus corpus) {
		Word2VecSettings s = this.settings;
		Vocabulary vocabulary = corpus.vocabulary();
		int dimension = s.dimension();
		SplittableRandom random = new SplittableRandom(s.seed());
		float[] input = new float[vocabulary.size() * dimension];
		for (int i = 0; i < input.length; i++) {
			input[i] = (float) ((random.nextDouble() - 0.5) / dimension);
		}
		float[] output = new float[input.length];
		float[] hidden = new float[dimension];
		float[] error = new float[dimension];
		NegativeSampler sampler = new NegativeSampler(vocabulary.counts(), s.negativePower());
		double[] keep = new Subsampling(s.subsample(), Subsampling.Formula.WORD2VEC_C).keepProbabilities(vocabulary);
		ContextWindow window = new ContextWindow(s.window(), true);
		double totalWords = (double) corpus.tokenCount() * s.epochs() + 1;
		long done = 0;
		for (int epoch = 0; epoch < s.epochs(); epoch++) {
			for (int index = 0; index < corpus.sentenceCount(); index++) {
				int[] sentence = corpus.sentence(index);
				done += sentence.length;
				float rate = (float) (s.learningRate() * Math.max(1e-4, 1 - done / totalWords));
				int[] kept = Subsampling.apply(sentence, keep, random);
				if (s.isCbow()) {
					new CbowWindows(window).forEach(kept, random, (center, context, length) -> {
						java.util.Arrays.fill(hidden, 0);
						for (int i = 0; i < length; i++) {
							add(hidden, 0, input, context[i] * dimension, 1f / length, dimension);
						}
						java.util.Arrays.fill(error, 0);
						negatives(hidden, 0, center, output, error, sampler, random, rate);
						for (int i = 0; i < length; i++) {
							add(input, context[i] * dimension, error, 0, 1, dimension);
						}
					});
				}
				else {
					new SkipGramPairs(window).forEach(kept, random, (center, context) -> {
						java.util.Arrays.fill(error, 0);
						negatives(input, center * dimension, context, output, error, sampler, random, rate);
						add(input, center * dimension, error, 0, 1, dimension);
					});
				}
			}
		}
		return new WordVectors(vocabulary, dimension, input);
	}

	// One positive and k negative logistic steps from the hidden vector h: the output
	// rows move at once, the error for h is gathered in error.
	private void negatives(float[] h, int hOffset, int positive, float[] output, float[] error, NegativeSampler sampler,
			SplittableRandom random, float rate) {
		int dimension = error.length;
		for (int d = 0; d <= this.settings.negatives(); d++) {
			int target = (d == 0) ? positive : sampler.sample(random);
			if (d > 0 && target == positive) {
				continue;
			}
			int label = (d == 0) ? 1 : 0;
			int offset = target * dimension;
			float dot = 0;
			for (int i = 0; i < dimension; i++) {
				dot += h[hOffset + i] * output[offset + i];
			}
			float g = (float) ((label - 1 / (1 + Math.exp(-dot))) * rate);
			add(error, 0, output, offset, g, dimension);
			add(output, offset, h, hOffset, g, dimension);
		}
	}

	private static void add(float[] target, int targetOffset, float[] source, int sourceOffset, float scale,
			int length) {
		for (int i = 0; i < length; i++) {
			target[targetOffset + i] += scale * source[sourceOffset + i];
		}
	}

}
