package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

import io.modelport.nn.Seq2SeqNet;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.Optimizers;
import io.modelport.training.TrainingSettings;

/**
 * Trains a {@link Seq2SeqNet} on encoded pairs: shuffled mini-batches padded to their
 * longest member, the masked cross-entropy of the next symbol (padding does not count),
 * teacher forcing at the configured ratio, and the optimizer's gradient clipping. After
 * each epoch it decodes the dev split greedily in batches and keeps the parameters of the
 * epoch with the best dev exact match (ties: the lower dev loss).
 *
 * @author Modelport Team
 */
public final class Seq2SeqTrainer {

	/** The prefix of the best epoch's parameter file. */
	public static final String BEST_PREFIX = "best";

	private final Seq2SeqNet net;

	private final TrainingSettings settings;

	private final Seq2SeqSettings seq2seq;

	private final Device device;

	/**
	 * Creates a trainer.
	 * @param net the untrained network
	 * @param settings the common settings, defaults applied
	 * @param seq2seq the translator settings, defaults applied
	 * @param device the device
	 */
	public Seq2SeqTrainer(Seq2SeqNet net, TrainingSettings settings, Seq2SeqSettings seq2seq, Device device) {
		this.net = net;
		this.settings = settings;
		this.seq2seq = seq2seq;
		this.device = device;
	}

	/**
	 * Trains and returns the best epoch.
	 * @param train the encoded training pairs
	 * @param dev the encoded dev pairs
	 * @param workDir where the best parameters are saved
	 * @param progress receives each epoch's result (dev accuracy is the greedy exact
	 * match)
	 * @return the report
	 * @throws IOException when the parameters cannot be saved
	 */
	public Report train(List<Encoded> train, List<Encoded> dev, Path workDir, Consumer<EpochResult> progress)
			throws IOException {
		long seed = this.settings.seed();
		int batchSize = this.settings.batchSize();
		int steps = (train.size() + batchSize - 1) / batchSize;
		Random random = new Random(seed * 1_000_003L + 11);
		Engine.getEngine("PyTorch").setRandomSeed((int) seed);
		long started = System.nanoTime();
		try (Model model = Model.newInstance("seq2seq", this.device, "PyTorch")) {
			model.setBlock(this.net);
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
				.optOptimizer(Optimizers.build(this.settings, steps, 1))
				.optDevices(new Device[] { this.device });
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(this.net.initializationShapes());
				int[] order = new int[train.size()];
				Arrays.setAll(order, (i) -> i);
				EpochLoop.Outcome outcome = EpochLoop.saving(model, workDir, BEST_PREFIX, this.settings.epochs())
					.tiesByDevLoss()
					.patience(this.settings.earlyStoppingPatience())
					.run((epoch, batches) -> {
						long start = System.nanoTime();
						shuffle(order, random);
						batches.planned(steps);
						double trainLoss = 0;
						for (int from = 0; from < order.length; from += batchSize) {
							List<Encoded> batch = new ArrayList<>();
							for (int i = from; i < Math.min(order.length, from + batchSize); i++) {
								batch.add(train.get(order[i]));
							}
							trainLoss += step(trainer, batch, random);
							batches.done(batch.size());
						}
						double seconds = (System.nanoTime() - start) / 1e9;
						double devLoss = devLoss(trainer, dev);
						double match = GreedyDecoding.exactMatch(dev,
								GreedyDecoding.greedy(this.net, new ParameterStore(trainer.getManager(), false),
										trainer.getManager(), dev, this.seq2seq.maxOutputLength()));
						return new EpochStep.Scored(new EpochResult(epoch, trainLoss / steps, devLoss, match,
								this.settings.schedule().rate(this.settings.optimizer().learningRate(), epoch - 1),
								seconds, train.size() / seconds), match);
					}, progress);
				return new Report(outcome.parameters(), outcome.bestEpoch(), outcome.bestScore(), outcome.history(),
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	private double step(Trainer trainer, List<Encoded> batch, Random random) {
		try (NDManager scope = trainer.getManager().newSubManager()) {
			NDList inputs = new NDList(Seq2SeqBatches.sources(scope, batch),
					Seq2SeqBatches.decoderInputs(scope, batch));
			if (this.seq2seq.teacherForcing() < 1) {
				inputs.add(teacherMask(scope, batch, random));
			}
			NDArray labels = Seq2SeqBatches.labels(scope, batch);
			float value;
			try (GradientCollector collector = trainer.newGradientCollector()) {
				NDArray logits = trainer.forward(inputs).singletonOrThrow();
				NDArray loss = Seq2SeqBatches.maskedCrossEntropy(logits, labels);
				collector.backward(loss);
				value = loss.getFloat();
			}
			trainer.step();
			return value;
		}
	}

	private double devLoss(Trainer trainer, List<Encoded> dev) {
		double total = 0;
		int batches = 0;
		for (int from = 0; from < dev.size(); from += 256) {
			List<Encoded> batch = dev.subList(from, Math.min(dev.size(), from + 256));
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray logits = trainer
					.evaluate(new NDList(Seq2SeqBatches.sources(scope, batch),
							Seq2SeqBatches.decoderInputs(scope, batch)))
					.singletonOrThrow();
				total += Seq2SeqBatches.maskedCrossEntropy(logits, Seq2SeqBatches.labels(scope, batch)).getFloat();
				batches++;
			}
		}
		return (batches == 0) ? 0 : total / batches;
	}

	private NDArray teacherMask(NDManager manager, List<Encoded> batch, Random random) {
		int length = Seq2SeqBatches.targetLength(batch);
		long[] keep = new long[batch.size() * length];
		for (int i = 0; i < keep.length; i++) {
			keep[i] = (random.nextDouble() < this.seq2seq.teacherForcing()) ? 1 : 0;
		}
		return manager.create(keep, new Shape(batch.size(), length));
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}

	/**
	 * A pair as ids.
	 *
	 * @param source the source ids, at least one
	 * @param target the target ids, without {@code <EOS>}
	 */
	public record Encoded(int[] source, int[] target) {

	}

	/**
	 * A finished training run.
	 *
	 * @param parameters the best epoch's parameter file
	 * @param bestEpoch the best epoch
	 * @param bestDevExactMatch its dev exact match (greedy)
	 * @param history one result per epoch
	 * @param trainSeconds the wall time of training and per-epoch evaluation
	 */
	public record Report(Path parameters, int bestEpoch, double bestDevExactMatch, List<EpochResult> history,
			double trainSeconds) {

	}

}
