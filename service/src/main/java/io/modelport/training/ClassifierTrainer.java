package io.modelport.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.modelport.nn.ConvClassifier;
import io.modelport.store.InputSpec;

/**
 * Trains a {@link ConvClassifier} on grayscale images with a hand-written mini-batch
 * loop: Adam with exponential learning-rate decay and L2 weight decay, optional flip and
 * shift augmentation, a dev split for choosing the best epoch, and a final evaluation of
 * the chosen weights on the test split through the inference path.
 *
 * @author Modelport Team
 */
public class ClassifierTrainer {

	private final ConvClassifier architecture;

	private final TrainingSettings settings;

	private final Device device;

	public ClassifierTrainer(ConvClassifier architecture, TrainingSettings settings, Device device) {
		this.architecture = architecture;
		this.settings = settings;
		this.device = device;
	}

	/**
	 * Trains, keeps the weights of the epoch with the best dev accuracy and evaluates
	 * them.
	 * @param train the training images (the dev split is carved out of them)
	 * @param test the test images
	 * @param workDir a folder for the per-epoch parameter files
	 * @param progress receives each epoch's result as it finishes
	 * @return the report, with the chosen parameter file
	 * @throws IOException when parameters cannot be saved
	 */
	public TrainingReport train(ImageSet train, ImageSet test, Path workDir, Consumer<EpochResult> progress)
			throws IOException {
		Engine.getEngine("PyTorch").setRandomSeed((int) this.settings.seed());
		Random random = new Random(this.settings.seed());
		int[] order = shuffled(train.count(), random);
		int devSize = Math.min(this.settings.devSize(), train.count() / 5);
		ImageSet dev = train.select(java.util.Arrays.copyOfRange(order, 0, devSize));
		ImageSet fit = train.select(java.util.Arrays.copyOfRange(order, devSize, order.length));
		float[] stats = fit.meanAndStd();
		InputSpec input = new InputSpec(fit.cols(), fit.rows(), 1, 255f, new float[] { stats[0] },
				new float[] { stats[1] });
		Files.createDirectories(workDir);
		List<EpochResult> history = new ArrayList<>();
		int bestEpoch = 0;
		double bestDev = -1;
		long started = System.nanoTime();
		try (Model model = Model.newInstance("classifier", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			int stepsPerEpoch = (fit.count() + this.settings.batchSize() - 1) / this.settings.batchSize();
			try (Trainer trainer = model.newTrainer(config(stepsPerEpoch))) {
				trainer.initialize(new Shape(1, 1, fit.rows(), fit.cols()));
				for (int epoch = 1; epoch <= this.settings.epochs(); epoch++) {
					long epochStart = System.nanoTime();
					double loss = trainEpoch(trainer, fit, input, random);
					double devAccuracy = Evaluation
						.of(this.architecture.classes(), dev.labels(), predict(trainer, dev, input))
						.accuracy();
					EpochResult result = new EpochResult(epoch, loss, devAccuracy,
							(System.nanoTime() - epochStart) / 1e9);
					history.add(result);
					progress.accept(result);
					if (devAccuracy > bestDev) {
						bestDev = devAccuracy;
						bestEpoch = epoch;
						model.setProperty("Epoch", Integer.toString(epoch));
						model.save(workDir, "classifier");
					}
				}
			}
		}
		double trainSeconds = (System.nanoTime() - started) / 1e9;
		Path best = workDir.resolve(String.format("classifier-%04d.params", bestEpoch));
		Evaluation evaluation = evaluate(best, test, input);
		return new TrainingReport(best, input, history, bestEpoch, bestDev, evaluation, fit.count(), dev.count(),
				trainSeconds);
	}

	/**
	 * Loads saved parameters into a fresh model and classifies a whole image set in
	 * inference mode (running batch-norm statistics, no dropout).
	 * @param parameters the parameter file
	 * @param images the images
	 * @param input the normalisation to apply
	 * @return the evaluation
	 * @throws IOException when the parameters cannot be loaded
	 */
	public Evaluation evaluate(Path parameters, ImageSet images, InputSpec input) throws IOException {
		try (Model model = Model.newInstance("classifier", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			String file = parameters.getFileName().toString();
			try {
				model.load(parameters.getParent(), file.substring(0, file.lastIndexOf('-')));
			}
			catch (ai.djl.MalformedModelException ex) {
				throw new IOException("cannot load " + file, ex);
			}
			try (Trainer evaluator = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
				return Evaluation.of(this.architecture.classes(), images.labels(), predict(evaluator, images, input));
			}
		}
	}

	private DefaultTrainingConfig config(int stepsPerEpoch) {
		float base = this.settings.learningRate();
		double decay = this.settings.decay();
		// Tracker is called with the update count; decaying per epoch keeps the schedule
		// independent of the batch size (ml-spec §1.11, exponential form).
		Tracker schedule = (update) -> (float) (base * Math.pow(decay, (double) update / stepsPerEpoch));
		return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(
				Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays(this.settings.weightDecay()).build())
			.optDevices(new Device[] { this.device });
	}

	private double trainEpoch(Trainer trainer, ImageSet fit, InputSpec input, Random random) {
		int[] order = shuffled(fit.count(), random);
		int batchSize = this.settings.batchSize();
		double lossSum = 0;
		int batches = 0;
		for (int start = 0; start < order.length; start += batchSize) {
			int size = Math.min(batchSize, order.length - start);
			float[] data = new float[size * fit.rows() * fit.cols()];
			float[] labels = new float[size];
			for (int i = 0; i < size; i++) {
				int image = order[start + i];
				writeImage(fit, image, input, data, i, random);
				labels[i] = fit.labels()[image];
			}
			// Each batch's arrays live in their own scope and are freed right after the
			// step.
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray x = scope.create(data, new Shape(size, 1, fit.rows(), fit.cols()));
				NDArray y = scope.create(labels);
				try (GradientCollector collector = trainer.newGradientCollector()) {
					NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
					NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(prediction));
					collector.backward(loss);
					lossSum += loss.getFloat();
				}
				trainer.step();
			}
			batches++;
		}
		return lossSum / batches;
	}

	private int[] predict(Trainer trainer, ImageSet images, InputSpec input) {
		int[] predicted = new int[images.count()];
		int chunk = 500;
		for (int start = 0; start < images.count(); start += chunk) {
			int size = Math.min(chunk, images.count() - start);
			float[] data = new float[size * images.rows() * images.cols()];
			for (int i = 0; i < size; i++) {
				writeImage(images, start + i, input, data, i, null);
			}
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray x = scope.create(data, new Shape(size, 1, images.rows(), images.cols()));
				NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
				long[] best = logits.argMax(1).toLongArray();
				for (int i = 0; i < size; i++) {
					predicted[start + i] = (int) best[i];
				}
			}
		}
		return predicted;
	}

	// Writes one normalised image into a batch buffer, flipped and shifted at random as
	// the settings allow when augment is given.
	private void writeImage(ImageSet images, int image, InputSpec input, float[] data, int slot, Random augment) {
		int rows = images.rows();
		int cols = images.cols();
		int shift = this.settings.maxShift();
		boolean flip = augment != null && this.settings.flip() && augment.nextBoolean();
		int dy = (augment != null && shift > 0) ? augment.nextInt(2 * shift + 1) - shift : 0;
		int dx = (augment != null && shift > 0) ? augment.nextInt(2 * shift + 1) - shift : 0;
		int offset = slot * rows * cols;
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				int sr = r - dy;
				int sc = (flip ? cols - 1 - c : c) - dx;
				int raw = (sr >= 0 && sr < rows && sc >= 0 && sc < cols) ? images.pixel(image, sr, sc) : 0;
				data[offset + r * cols + c] = input.normalize(raw, 0);
			}
		}
	}

	private static int[] shuffled(int n, Random random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

}
