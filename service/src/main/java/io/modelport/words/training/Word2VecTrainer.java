package io.modelport.words.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.modelport.training.BatchProgress;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.TrainingProgress;
import io.modelport.words.Vocabulary;
import io.modelport.words.WordVectors;

/**
 * Trains word vectors with negative sampling on DJL (docs/ml-notes.md, "Word vectors"):
 * skip-gram or CBOW, in batches. There are two V × D matrices, the input vectors E (the
 * ones shipped) and the output vectors θ. For a batch of (center, context) pairs, each
 * with k negatives drawn from unigram^p, the score of a pair is s = e_c · θ_t and the
 * loss is <pre>
 * L = −log σ(s_pos) − Σ_negatives log σ(−s_neg)
 * </pre> summed over the batch for the gradient and reported as its mean per pair.
 * Summing makes the learning rate a per-pair step as in the C tool, whatever the batch
 * size; SGD then applies it with the C tool's linear decay. Adam was measured against it
 * on the first 8,000 KJV verses (3 epochs, batch 1024, Adam at α = 0.005): keeping both V
 * × D moment matrices up to date every step halved the words per second (15k against 32k)
 * for the same analogy accuracy (0.068 against 0.071), so SGD it is, which also keeps the
 * C tool's meaning of the learning rate.
 * <p>
 * Every array of a step lives in a sub-manager closed at the end of the step, so a long
 * run does not grow; the gradient is taken under one {@link GradientCollector} per step.
 *
 * @author Modelport Team
 */
public final class Word2VecTrainer {

	// The C tool's floor: the rate never falls below this share of the start.
	private static final double MIN_RATE_SHARE = 1e-4;

	/** How many steps one point of the loss curve averages. */
	public static final int STEPS_PER_POINT = 50;

	private final Word2VecSettings settings;

	private final Device device;

	private double rate;

	private Consumer<BatchProgress> batches = (progress) -> {
	};

	/**
	 * A trainer.
	 * @param settings the settings; unset values take their defaults
	 * @param device where the matrices live
	 */
	public Word2VecTrainer(Word2VecSettings settings, Device device) {
		this.settings = settings.withDefaults();
		this.device = device;
	}

	/**
	 * Reports the progress within epochs (sentences done, words per second, ETA).
	 * @param progress receives it, at most every two seconds
	 * @return this trainer
	 */
	public Word2VecTrainer reportingBatches(Consumer<BatchProgress> progress) {
		this.batches = progress;
		return this;
	}

	/**
	 * Trains on a corpus.
	 * @param corpus the corpus
	 * @param listener told after every epoch
	 * @return the vectors (the rows of E) and the loss history
	 */
	public Result train(Corpus corpus, EpochListener listener) {
		Vocabulary vocabulary = corpus.vocabulary();
		Word2VecSettings s = this.settings;
		int size = vocabulary.size();
		int dimension = s.dimension();
		SplittableRandom random = new SplittableRandom(s.seed());
		NegativeSampler sampler = new NegativeSampler(vocabulary.counts(), s.negativePower());
		double[] keep = new Subsampling(s.subsample(), Subsampling.Formula.WORD2VEC_C).keepProbabilities(vocabulary);
		ContextWindow window = new ContextWindow(s.window(), true);
		double totalWords = (double) corpus.tokenCount() * s.epochs() + 1;
		List<Double> curve = new ArrayList<>();
		List<EpochStats> history = new ArrayList<>();
		long started = System.nanoTime();
		try (NDManager root = NDManager.newBaseManager(this.device, "PyTorch")) {
			Parameter input = parameter(root, "input", initialInput(size, dimension, random), size, dimension);
			Parameter output = parameter(root, "output", new float[size * dimension], size, dimension);
			this.rate = s.learningRate();
			Optimizer sgd = Optimizer.sgd().setLearningRateTracker((Tracker) (update) -> (float) this.rate).build();
			Word2VecSteps.Batch batch = new Word2VecSteps.Batch(s.batchSize(), s.negatives(),
					s.isCbow() ? 2 * s.window() : 0);
			Word2VecSteps.Stepper stepper = new Word2VecSteps.Stepper(root, input, output, sgd, curve);
			long[] wordsDone = { 0 };
			EpochStep epochStep = (epoch, sentences) -> {
				long epochStart = System.nanoTime();
				sentences.planned(corpus.sentenceCount());
				stepper.startEpoch();
				for (int index = 0; index < corpus.sentenceCount(); index++) {
					int[] sentence = corpus.sentence(index);
					wordsDone[0] += sentence.length;
					this.rate = s.learningRate() * Math.max(MIN_RATE_SHARE, 1 - wordsDone[0] / totalWords);
					int[] kept = Subsampling.apply(sentence, keep, random);
					if (s.isCbow()) {
						new CbowWindows(window).forEach(kept, random, (center, context, length) -> batch
							.addWindow(center, context, length, sampler, random, stepper));
					}
					else {
						new SkipGramPairs(window).forEach(kept, random,
								(center, context) -> batch.addPair(center, context, sampler, random, stepper));
					}
					sentences.done(sentence.length);
				}
				batch.flush(stepper);
				double seconds = (System.nanoTime() - epochStart) / 1e9;
				EpochStats stats = new EpochStats(epoch, stepper.epochLoss(), this.rate, stepper.epochPairs(),
						corpus.tokenCount() / seconds, seconds);
				history.add(stats);
				listener.epoch(stats, input.getArray().toFloatArray());
				// Word vectors have no held-out score here: the loop keeps the last
				// epoch.
				return new EpochStep.Scored(
						new EpochResult(epoch, stats.loss(), 0, 0, this.rate, seconds, stats.wordsPerSecond()), 0);
			};
			try {
				EpochLoop.unsaved(s.epochs()).run(epochStep, TrainingProgress.of((epoch) -> {
				}, this.batches));
			}
			catch (IOException ex) {
				// An unsaved loop writes no file.
				throw new UncheckedIOException(ex);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			float[] matrix = input.getArray().toFloatArray();
			return new Result(new WordVectors(vocabulary, dimension, matrix), history, curve, seconds,
					corpus.tokenCount() * (double) s.epochs() / seconds);
		}
	}

	/**
	 * The mean loss per pair of a batch: softplus(−sign · s) = −log σ(sign · s) for every
	 * entry whose sign is +1 (the positive word) or −1 (a negative), 0 entries left out.
	 * @param scores the scores s, (B, 1 + k)
	 * @param signs +1 for the positive column, −1 for a negative, 0 for a skipped draw
	 * @return the summed loss, a scalar
	 */
	static NDArray loss(NDArray scores, NDArray signs) {
		return Activation.softPlus(scores.mul(signs).neg()).mul(signs.abs()).sum();
	}

	// Uniform in ±0.5 / D, as the C tool starts E; θ starts at zero.
	private static float[] initialInput(int size, int dimension, SplittableRandom random) {
		float[] values = new float[size * dimension];
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) ((random.nextDouble() - 0.5) / dimension);
		}
		return values;
	}

	private static Parameter parameter(NDManager root, String name, float[] values, int size, int dimension) {
		NDArray array = root.create(values, new Shape(size, dimension));
		array.setRequiresGradient(true);
		return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
	}

	/**
	 * Told after each epoch.
	 */
	@FunctionalInterface
	public interface EpochListener {

		/**
		 * Takes an epoch's figures.
		 * @param stats the epoch's loss and speed
		 * @param input a copy of E after the epoch, V × D row-major
		 */
		void epoch(EpochStats stats, float[] input);

	}

	/**
	 * One epoch.
	 *
	 * @param epoch the epoch, from 1
	 * @param loss the mean loss per pair
	 * @param learningRate the rate at the end of the epoch
	 * @param pairs the positive pairs (skip-gram) or windows (CBOW) trained on
	 * @param wordsPerSecond corpus tokens read per second
	 * @param seconds how long the epoch took
	 */
	public record EpochStats(int epoch, double loss, double learningRate, long pairs, double wordsPerSecond,
			double seconds) {

	}

	/**
	 * A finished run.
	 *
	 * @param vectors the input vectors E
	 * @param history one entry per epoch
	 * @param lossCurve the mean loss of every {@link #STEPS_PER_POINT} steps
	 * @param seconds the training time, corpus read excluded
	 * @param wordsPerSecond corpus tokens read per second over the whole run
	 */
	public record Result(WordVectors vectors, List<EpochStats> history, List<Double> lossCurve, double seconds,
			double wordsPerSecond) {

	}

}
