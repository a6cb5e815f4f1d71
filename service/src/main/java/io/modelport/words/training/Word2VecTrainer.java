package io.modelport.words.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

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
			Batch batch = new Batch(s.batchSize(), s.negatives(), s.isCbow() ? 2 * s.window() : 0);
			Stepper stepper = new Stepper(root, input, output, sgd, curve);
			long wordsDone = 0;
			for (int epoch = 1; epoch <= s.epochs(); epoch++) {
				long epochStart = System.nanoTime();
				stepper.startEpoch();
				for (int index = 0; index < corpus.sentenceCount(); index++) {
					int[] sentence = corpus.sentence(index);
					wordsDone += sentence.length;
					this.rate = s.learningRate() * Math.max(MIN_RATE_SHARE, 1 - wordsDone / totalWords);
					int[] kept = Subsampling.apply(sentence, keep, random);
					if (s.isCbow()) {
						new CbowWindows(window).forEach(kept, random, (center, context, length) -> batch
							.addWindow(center, context, length, sampler, random, stepper));
					}
					else {
						new SkipGramPairs(window).forEach(kept, random,
								(center, context) -> batch.addPair(center, context, sampler, random, stepper));
					}
				}
				batch.flush(stepper);
				double seconds = (System.nanoTime() - epochStart) / 1e9;
				EpochStats stats = new EpochStats(epoch, stepper.epochLoss(), this.rate, stepper.epochPairs,
						corpus.tokenCount() / seconds, seconds);
				history.add(stats);
				listener.epoch(stats, input.getArray().toFloatArray());
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

	/**
	 * Runs the steps and keeps the loss sums.
	 */
	private static final class Stepper {

		private final NDManager root;

		private final Parameter input;

		private final Parameter output;

		private final Optimizer optimizer;

		private final List<Double> curve;

		private double epochLossSum;

		private long epochPairs;

		private double pointLossSum;

		private long pointPairs;

		private int pointSteps;

		Stepper(NDManager root, Parameter input, Parameter output, Optimizer optimizer, List<Double> curve) {
			this.root = root;
			this.input = input;
			this.output = output;
			this.optimizer = optimizer;
			this.curve = curve;
		}

		void startEpoch() {
			this.epochLossSum = 0;
			this.epochPairs = 0;
		}

		double epochLoss() {
			return (this.epochPairs > 0) ? this.epochLossSum / this.epochPairs : 0;
		}

		void step(Batch batch) {
			int count = batch.count;
			int columns = batch.negatives + 1;
			try (NDManager scope = this.root.newSubManager()) {
				NDArray targets = scope.create(Arrays.copyOf(batch.targets, count * columns),
						new Shape(count, columns));
				NDArray signs = scope.create(Arrays.copyOf(batch.signs, count * columns), new Shape(count, columns));
				NDArray loss;
				try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
					NDArray hidden = hidden(scope, batch);
					NDArray context = Embedding.embedding(targets, this.output.getArray(), SparseFormat.DENSE)
						.singletonOrThrow();
					NDArray scores = context.batchMatMul(hidden.expandDims(2)).squeeze(2);
					loss = loss(scores, signs);
					collector.backward(loss);
				}
				update(scope, this.input);
				update(scope, this.output);
				record(loss.getFloat(), count);
			}
			batch.count = 0;
		}

		// Skip-gram: the center word's row of E. CBOW: the mean of the window's rows (the
		// weights are 1 / window length, 0 for padding), but, as in the C tool, each
		// context row gets the hidden vector's whole error, not 1 / length of it: the
		// forward value is the mean, the gradient that of the sum. With the mean's own
		// gradient CBOW reached half the C tool's analogy accuracy in equal epochs.
		private NDArray hidden(NDManager scope, Batch batch) {
			int count = batch.count;
			if (batch.width == 0) {
				NDArray centers = scope.create(Arrays.copyOf(batch.centers, count), new Shape(count));
				return Embedding.embedding(centers, this.input.getArray(), SparseFormat.DENSE).singletonOrThrow();
			}
			NDArray context = scope.create(Arrays.copyOf(batch.centers, count * batch.width),
					new Shape(count, batch.width));
			NDArray weights = scope.create(Arrays.copyOf(batch.weights, count * batch.width),
					new Shape(count, batch.width, 1));
			NDArray rows = Embedding.embedding(context, this.input.getArray(), SparseFormat.DENSE).singletonOrThrow();
			NDArray sum = rows.mul(weights.gt(0).toType(DataType.FLOAT32, false)).sum(new int[] { 1 });
			NDArray mean = rows.mul(weights).sum(new int[] { 1 });
			return sum.sub(sum.sub(mean).stopGradient());
		}

		private void update(NDManager scope, Parameter parameter) {
			NDArray gradient = parameter.getArray().getGradient();
			gradient.attach(scope);
			this.optimizer.update(parameter.getId(), parameter.getArray(), gradient);
		}

		private void record(double lossSum, int count) {
			this.epochLossSum += lossSum;
			this.epochPairs += count;
			this.pointLossSum += lossSum;
			this.pointPairs += count;
			if (++this.pointSteps == STEPS_PER_POINT) {
				this.curve.add(this.pointLossSum / this.pointPairs);
				this.pointLossSum = 0;
				this.pointPairs = 0;
				this.pointSteps = 0;
			}
		}

	}

	/**
	 * The rows of one step, filled pair by pair and reused.
	 */
	private static final class Batch {

		private final int size;

		private final int negatives;

		private final int width;

		// Skip-gram: one center per pair; CBOW: width context rows per window.
		private final long[] centers;

		private final float[] weights;

		private final long[] targets;

		private final float[] signs;

		private int count;

		Batch(int size, int negatives, int width) {
			this.size = size;
			this.negatives = negatives;
			this.width = width;
			this.centers = new long[size * Math.max(1, width)];
			this.weights = new float[size * Math.max(1, width)];
			this.targets = new long[size * (negatives + 1)];
			this.signs = new float[size * (negatives + 1)];
		}

		void addPair(int center, int context, NegativeSampler sampler, SplittableRandom random, Stepper stepper) {
			this.centers[this.count] = center;
			addTargets(context, sampler, random, stepper);
		}

		void addWindow(int center, int[] context, int length, NegativeSampler sampler, SplittableRandom random,
				Stepper stepper) {
			int offset = this.count * this.width;
			for (int i = 0; i < this.width; i++) {
				this.centers[offset + i] = (i < length) ? context[i] : 0;
				this.weights[offset + i] = (i < length) ? 1f / length : 0f;
			}
			addTargets(center, sampler, random, stepper);
		}

		// The positive word, then k draws; a draw of the positive word itself is kept as
		// a
		// column but weighted 0, which is the C tool's skipping it.
		private void addTargets(int positive, NegativeSampler sampler, SplittableRandom random, Stepper stepper) {
			int offset = this.count * (this.negatives + 1);
			this.targets[offset] = positive;
			this.signs[offset] = 1;
			for (int j = 1; j <= this.negatives; j++) {
				int negative = sampler.sample(random);
				this.targets[offset + j] = negative;
				this.signs[offset + j] = (negative == positive) ? 0 : -1;
			}
			if (++this.count == this.size) {
				stepper.step(this);
			}
		}

		void flush(Stepper stepper) {
			if (this.count > 0) {
				stepper.step(this);
			}
		}

	}

}
