package io.modelport.words.training;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;

/**
 * The batched steps of the {@link Word2VecTrainer}: a batch of (center, context) rows
 * with their negatives, filled pair by pair, and the stepper that takes the gradient of a
 * full batch, updates both matrices and keeps the loss sums.
 *
 * @author Modelport Team
 */
final class Word2VecSteps {

	private Word2VecSteps() {
	}

	/**
	 * Runs the steps and keeps the loss sums.
	 */
	static final class Stepper {

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

		long epochPairs() {
			return this.epochPairs;
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
					loss = Word2VecTrainer.loss(scores, signs);
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
			if (++this.pointSteps == Word2VecTrainer.STEPS_PER_POINT) {
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
	static final class Batch {

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
