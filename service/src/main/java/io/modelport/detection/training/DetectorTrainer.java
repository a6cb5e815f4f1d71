package io.modelport.detection.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

import io.modelport.detection.DecoderSettings;
import io.modelport.detection.Detection;
import io.modelport.detection.NonMaxSuppression;
import io.modelport.detection.OutputDecoder;
import io.modelport.detection.RawOutput;
import io.modelport.detection.Scene;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.Optimizers;
import io.modelport.training.TrainingSettings;

/**
 * Trains a {@link YoloDetectorNet} on scenes that already have the input size, with the
 * {@link YoloLoss}. After each epoch it measures the dev loss and keeps the parameters of
 * the best epoch; the caller evaluates those on held-out scenes.
 *
 * @author Modelport Team
 */
public class DetectorTrainer {

	/** The prefix of the best epoch's parameter file. */
	public static final String BEST_PREFIX = "best";

	private final YoloDetectorNet architecture;

	private final List<float[]> anchors;

	private final TrainingSettings settings;

	private final Device device;

	private final int inputSize;

	public DetectorTrainer(YoloDetectorNet architecture, List<float[]> anchors, TrainingSettings settings,
			Device device, int inputSize) {
		this.architecture = architecture;
		this.anchors = List.copyOf(anchors);
		this.settings = settings;
		this.device = device;
		this.inputSize = inputSize;
	}

	/**
	 * Trains and returns the best epoch's parameters.
	 * @param train the training scenes of each epoch (by epoch number from 1): the same
	 * list every epoch for a fixed data set, fresh scenes for composed ones
	 * @param dev the dev scenes
	 * @param workDir where the best parameters are saved
	 * @param progress receives each epoch's result (dev accuracy is 0: see dev loss)
	 * @return the parameter file of the epoch with the lowest dev loss
	 * @throws IOException when the parameters cannot be saved
	 */
	public Path train(IntFunction<List<Scene>> train, List<Scene> dev, Path workDir, Consumer<EpochResult> progress)
			throws IOException {
		List<Scene> first = train.apply(1);
		int batch = Math.min(this.settings.batchSize(), first.size());
		int steps = first.size() / batch;
		try (Model model = Model.newInstance("detector", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
				.optOptimizer(Optimizers.build(this.settings, steps, 1))
				.optDevices(new Device[] { this.device });
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(new Shape(1, 1, this.inputSize, this.inputSize));
				Random random = new Random(this.settings.seed());
				// The best epoch is the one with the lowest dev loss; detectors run every
				// epoch (no early stopping) and keep no checkpoint.
				return EpochLoop.saving(model, workDir, BEST_PREFIX, this.settings.epochs()).run((epoch, batches) -> {
					long start = System.nanoTime();
					batches.planned(steps);
					List<Scene> order = new ArrayList<>((epoch == 1) ? first : train.apply(epoch));
					Collections.shuffle(order, random);
					double trainLoss = 0;
					for (int step = 0; step < steps; step++) {
						trainLoss += step(trainer, order.subList(step * batch, (step + 1) * batch), true);
						batches.done(batch);
					}
					double seconds = (System.nanoTime() - start) / 1e9;
					double devLoss = devLoss(trainer, dev);
					return new EpochStep.Scored(
							new EpochResult(epoch, trainLoss / steps, devLoss, 0,
									this.settings.optimizer().learningRate(), seconds, steps * batch / seconds),
							-devLoss);
				}, progress).parameters();
			}
		}
	}

	/**
	 * Runs a model on scenes and decodes every candidate above the threshold, after NMS.
	 * @param model the model, parameters loaded
	 * @param scenes the scenes, at the input size
	 * @param decoder the decoder settings (thresholds included)
	 * @param classes the number of classes
	 * @return the detections of each scene, in input pixels
	 */
	public static List<List<Detection>> detect(Model model, List<Scene> scenes, DecoderSettings decoder, int classes) {
		List<List<Detection>> detections = new ArrayList<>();
		int size = scenes.get(0).width();
		try (Trainer evaluator = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
			for (int from = 0; from < scenes.size(); from += 64) {
				List<Scene> chunk = scenes.subList(from, Math.min(scenes.size(), from + 64));
				try (NDManager scope = evaluator.getManager().newSubManager()) {
					NDArray output = evaluator.evaluate(new NDList(images(scope, chunk))).singletonOrThrow();
					long[] shape = output.getShape().slice(1).getShape();
					float[] values = output.toFloatArray();
					int per = values.length / chunk.size();
					for (int i = 0; i < chunk.size(); i++) {
						float[] one = Arrays.copyOfRange(values, i * per, (i + 1) * per);
						List<Detection> candidates = OutputDecoder.decode(new RawOutput(shape, one), decoder, classes,
								size, size);
						detections.add(NonMaxSuppression.apply(candidates, decoder.scoreThreshold(),
								decoder.iouThreshold(), !decoder.classAgnostic(), decoder.maxDetections()));
					}
				}
			}
		}
		return detections;
	}

	private double step(Trainer trainer, List<Scene> scenes, boolean training) {
		try (NDManager scope = trainer.getManager().newSubManager()) {
			NDArray x = images(scope, scenes);
			YoloTargets targets = YoloTargets.encode(scenes, this.anchors, this.architecture.classes(),
					this.architecture.gridSize(this.inputSize), this.inputSize);
			int grid = this.architecture.gridSize(this.inputSize);
			long n = scenes.size();
			long a = this.anchors.size();
			NDArray objectness = scope.create(targets.objectness(), new Shape(n, a, grid, grid));
			NDArray boxes = scope.create(targets.boxes(), new Shape(n, a, 4, grid, grid));
			NDArray classes = scope.create(targets.classes(), new Shape(n, a, this.architecture.classes(), grid, grid));
			if (!training) {
				NDArray output = trainer.evaluate(new NDList(x)).singletonOrThrow();
				return YoloLoss.DEFAULT.evaluate(reshape(output, n, a, grid), objectness, boxes, classes).getFloat();
			}
			float loss;
			try (GradientCollector collector = trainer.newGradientCollector()) {
				NDArray output = trainer.forward(new NDList(x)).singletonOrThrow();
				NDArray value = YoloLoss.DEFAULT.evaluate(reshape(output, n, a, grid), objectness, boxes, classes);
				collector.backward(value);
				loss = value.getFloat();
			}
			trainer.step();
			return loss;
		}
	}

	private double devLoss(Trainer trainer, List<Scene> dev) {
		int batch = this.settings.batchSize();
		double sum = 0;
		int count = 0;
		for (int from = 0; from < dev.size(); from += batch) {
			List<Scene> chunk = dev.subList(from, Math.min(dev.size(), from + batch));
			sum += step(trainer, chunk, false) * chunk.size();
			count += chunk.size();
		}
		return sum / Math.max(1, count);
	}

	private NDArray reshape(NDArray output, long n, long anchors, int grid) {
		return output.reshape(n, anchors, 5 + this.architecture.classes(), grid, grid);
	}

	// Gray scenes scaled to [0, 1], as the descriptor's input spec (scale 255) states.
	static NDArray images(NDManager manager, List<Scene> scenes) {
		int size = scenes.get(0).width();
		float[] pixels = new float[scenes.size() * size * size];
		for (int i = 0; i < scenes.size(); i++) {
			byte[] scene = scenes.get(i).pixels();
			for (int p = 0; p < scene.length; p++) {
				pixels[i * size * size + p] = (scene[p] & 0xFF) / 255f;
			}
		}
		return manager.create(pixels, new Shape(scenes.size(), 1, size, size));
	}

}
