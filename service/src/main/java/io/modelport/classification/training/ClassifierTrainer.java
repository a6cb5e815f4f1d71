package io.modelport.classification.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
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

import io.modelport.datasets.ImageSet;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.InputSpec;
import io.modelport.training.Checkpoint;
import io.modelport.training.DataSplits;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.Evaluation;
import io.modelport.training.Optimizers;
import io.modelport.training.TrainingReport;
import io.modelport.training.TrainingSettings;

/**
 * Trains a {@link ConvClassifier} on grayscale images with a hand-written mini-batch
 * loop: the configured optimizer and learning-rate schedule, L2 weight decay, gradient
 * clipping, optional flip and shift augmentation, a dev split that picks the best epoch
 * and drives early stopping, a checkpoint after every epoch (a rerun in the same work
 * folder resumes from it), and a final evaluation of the best weights on the test split
 * in inference mode.
 *
 * @author Modelport Team
 */
public class ClassifierTrainer {

	private static final String BEST_PREFIX = "classifier";

	private final ConvClassifier architecture;

	private final TrainingSettings settings;

	private final Device device;

	/**
	 * Creates a trainer.
	 * @param architecture the network
	 * @param settings the settings; unset values take their defaults
	 * @param device where to train
	 */
	public ClassifierTrainer(ConvClassifier architecture, TrainingSettings settings, Device device) {
		this.architecture = architecture;
		this.settings = settings.withDefaults();
		this.device = device;
	}

	/**
	 * Trains, keeps the weights of the epoch with the best dev accuracy and evaluates
	 * them.
	 * @param data the train, dev and test splits
	 * @param workDir the folder for checkpoints and the best weights; a checkpoint found
	 * there is resumed
	 * @param progress receives each epoch's result as it finishes; after a resume, first
	 * the results of the checkpoint's epochs again
	 * @return the report, with the chosen parameter file
	 * @throws IOException when parameters cannot be saved or a checkpoint cannot be read
	 */
	public TrainingReport train(DataSplits data, Path workDir, Consumer<EpochResult> progress) throws IOException {
		Engine.getEngine("PyTorch").setRandomSeed((int) (long) this.settings.seed());
		ImageSet fit = data.train();
		float[] stats = fit.meanAndStd();
		InputSpec input = new InputSpec(fit.cols(), fit.rows(), 1, 255f, new float[] { stats[0] },
				new float[] { Math.max(stats[1], 1e-6f) });
		Files.createDirectories(workDir);
		Checkpoint resume = Checkpoint.read(workDir);
		int firstEpoch = (resume != null) ? resume.epoch() + 1 : 1;
		int stepsPerEpoch = (fit.count() + this.settings.batchSize() - 1) / this.settings.batchSize();
		EpochLoop.Outcome outcome;
		try (Model model = Model.newInstance("classifier", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			Shape shape = new Shape(1, 1, fit.rows(), fit.cols());
			if (resume != null) {
				Checkpoint.loadBeforeTraining(model, workDir, shape);
			}
			try (Trainer trainer = model.newTrainer(config(stepsPerEpoch, firstEpoch))) {
				trainer.initialize(shape);
				outcome = EpochLoop.saving(model, workDir, BEST_PREFIX, this.settings.epochs())
					.patience(this.settings.earlyStoppingPatience())
					.checkpointed(resume)
					.run((epoch, batches) -> runEpoch(trainer, data, input, epoch, batches), progress);
			}
		}
		List<EpochResult> history = outcome.history();
		int bestEpoch = outcome.bestEpoch();
		double bestDev = outcome.bestScore();
		// The training passes of every epoch, including those before a resume.
		double trainSeconds = history.stream().mapToDouble(EpochResult::seconds).sum();
		Path best = outcome.parameters();
		Predictions test = evaluate(best, data.test(), input);
		Double auc = (this.architecture.classes() == 2) ? Evaluation.rocAuc(test.positiveScores(), data.test().labels())
				: null;
		return new TrainingReport(best, input, history, bestEpoch, bestDev, test.evaluation(), auc, fit.count(),
				data.dev().count(), trainSeconds);
	}

	/**
	 * Loads saved parameters into a fresh model and classifies a whole image set in
	 * inference mode (running batch-norm statistics, no dropout).
	 * @param parameters the parameter file
	 * @param images the images
	 * @param input the normalisation to apply
	 * @return the predictions
	 * @throws IOException when the parameters cannot be loaded
	 */
	public Predictions evaluate(Path parameters, ImageSet images, InputSpec input) throws IOException {
		try (Model model = Model.newInstance("classifier", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			String file = parameters.getFileName().toString();
			try {
				model.load(parameters.getParent(), file.substring(0, file.lastIndexOf('-')));
			}
			catch (MalformedModelException ex) {
				throw new IOException("cannot load " + file, ex);
			}
			try (Trainer evaluator = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
				Predictions predictions = predict(evaluator, images, input);
				return predictions;
			}
		}
	}

	private DefaultTrainingConfig config(int stepsPerEpoch, int firstEpoch) {
		return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
			.optOptimizer(Optimizers.build(this.settings, stepsPerEpoch, firstEpoch))
			.optDevices(new Device[] { this.device });
	}

	private EpochStep.Scored runEpoch(Trainer trainer, DataSplits data, InputSpec input, int epoch,
			EpochStep.Batches progress) {
		ImageSet fit = data.train();
		// A random stream per epoch makes shuffling and augmentation the same whether or
		// not
		// the run was resumed.
		Random random = new Random(this.settings.seed() * 1_000_003L + epoch);
		int[] order = DataSplits.shuffled(fit.count(), random);
		int batchSize = this.settings.batchSize();
		long start = System.nanoTime();
		double lossSum = 0;
		int batches = 0;
		progress.planned((order.length + batchSize - 1) / batchSize);
		for (int from = 0; from < order.length; from += batchSize) {
			int size = Math.min(batchSize, order.length - from);
			float[] pixels = new float[size * fit.rows() * fit.cols()];
			float[] labels = new float[size];
			for (int i = 0; i < size; i++) {
				writeImage(fit, order[from + i], input, pixels, i, random);
				labels[i] = fit.labels()[order[from + i]];
			}
			// Each batch's arrays live in their own scope and are freed right after the
			// step.
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray x = scope.create(pixels, new Shape(size, 1, fit.rows(), fit.cols()));
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
			progress.done(size);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Predictions dev = predict(trainer, data.dev(), input);
		double rate = this.settings.schedule().rate(this.settings.optimizer().learningRate(), epoch - 1);
		double accuracy = dev.evaluation().accuracy();
		return new EpochStep.Scored(new EpochResult(epoch, lossSum / batches, dev.meanLoss(), accuracy, rate, seconds,
				fit.count() / seconds), accuracy);
	}

	private Predictions predict(Trainer trainer, ImageSet images, InputSpec input) {
		int[] predicted = new int[images.count()];
		double[] positive = new double[images.count()];
		double lossSum = 0;
		int chunk = 500;
		for (int start = 0; start < images.count(); start += chunk) {
			int size = Math.min(chunk, images.count() - start);
			float[] pixels = new float[size * images.rows() * images.cols()];
			float[] labels = new float[size];
			for (int i = 0; i < size; i++) {
				writeImage(images, start + i, input, pixels, i, null);
				labels[i] = images.labels()[start + i];
			}
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray x = scope.create(pixels, new Shape(size, 1, images.rows(), images.cols()));
				NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
				lossSum += trainer.getLoss().evaluate(new NDList(scope.create(labels)), new NDList(logits)).getFloat()
						* size;
				long[] best = logits.argMax(1).toLongArray();
				float[] probabilities = logits.softmax(1).toFloatArray();
				int classes = (int) logits.getShape().get(1);
				for (int i = 0; i < size; i++) {
					predicted[start + i] = (int) best[i];
					positive[start + i] = (classes > 1) ? probabilities[i * classes + 1] : 0;
				}
			}
		}
		Evaluation evaluation = Evaluation.of(this.architecture.classes(), images.labels(), predicted);
		return new Predictions(evaluation, positive, lossSum / Math.max(1, images.count()));
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

	/**
	 * Predictions on an image set.
	 *
	 * @param evaluation the confusion matrix and figures
	 * @param positiveScores the probability of class 1 per image (for ROC AUC of binary
	 * tasks)
	 * @param meanLoss the mean cross-entropy loss
	 */
	public record Predictions(Evaluation evaluation, double[] positiveScores, double meanLoss) {

	}

}
