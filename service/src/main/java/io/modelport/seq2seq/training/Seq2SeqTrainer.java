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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

import io.modelport.nn.Seq2SeqNet;
import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.training.EpochResult;
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
				List<EpochResult> history = new ArrayList<>();
				int bestEpoch = 0;
				double bestMatch = -1;
				double bestLoss = Double.POSITIVE_INFINITY;
				int[] order = new int[train.size()];
				Arrays.setAll(order, (i) -> i);
				for (int epoch = 1; epoch <= this.settings.epochs(); epoch++) {
					long start = System.nanoTime();
					shuffle(order, random);
					double trainLoss = 0;
					for (int from = 0; from < order.length; from += batchSize) {
						List<Encoded> batch = new ArrayList<>();
						for (int i = from; i < Math.min(order.length, from + batchSize); i++) {
							batch.add(train.get(order[i]));
						}
						trainLoss += step(trainer, batch, random);
					}
					double seconds = (System.nanoTime() - start) / 1e9;
					double devLoss = devLoss(trainer, dev);
					double match = exactMatch(dev, greedy(this.net, new ParameterStore(trainer.getManager(), false),
							trainer.getManager(), dev, this.seq2seq.maxOutputLength()));
					if (match > bestMatch || (match == bestMatch && devLoss < bestLoss)) {
						bestMatch = match;
						bestLoss = devLoss;
						bestEpoch = epoch;
						model.setProperty("Epoch", Integer.toString(epoch));
						model.save(workDir, BEST_PREFIX);
					}
					EpochResult result = new EpochResult(epoch, trainLoss / steps, devLoss, match,
							this.settings.schedule().rate(this.settings.optimizer().learningRate(), epoch - 1), seconds,
							train.size() / seconds);
					history.add(result);
					progress.accept(result);
					int patience = this.settings.earlyStoppingPatience();
					if (patience > 0 && epoch - bestEpoch >= patience) {
						break;
					}
				}
				return new Report(workDir.resolve(String.format("%s-%04d.params", BEST_PREFIX, bestEpoch)), bestEpoch,
						bestMatch, history, (System.nanoTime() - started) / 1e9);
			}
		}
	}

	/**
	 * Decodes sources greedily in batches, for dev checks: the most likely symbol
	 * ({@code <PAD>} and {@code <SOS>} excluded) is fed back until every row has produced
	 * {@code <EOS>} or the length limit is reached.
	 * @param net the network
	 * @param store a parameter store
	 * @param manager the manager to work on
	 * @param pairs the encoded pairs (only their sources are read)
	 * @param maxLength the most symbols generated, {@code <EOS>} included
	 * @return the generated ids of each pair, without {@code <EOS>}
	 */
	public static List<int[]> greedy(Seq2SeqNet net, ParameterStore store, NDManager manager, List<Encoded> pairs,
			int maxLength) {
		List<int[]> outputs = new ArrayList<>(pairs.size());
		for (int from = 0; from < pairs.size(); from += 256) {
			List<Encoded> batch = pairs.subList(from, Math.min(pairs.size(), from + 256));
			try (NDManager scope = manager.newSubManager()) {
				Seq2SeqNet.Encoded encoded = net.encode(store, sources(scope, batch), false);
				NDList state = encoded.initialState();
				int rows = batch.size();
				long[] previous = new long[rows];
				Arrays.fill(previous, SymbolVocabulary.SOS_ID);
				List<List<Integer>> generated = new ArrayList<>();
				boolean[] done = new boolean[rows];
				for (int i = 0; i < rows; i++) {
					generated.add(new ArrayList<>());
				}
				int finished = 0;
				for (int t = 0; t < maxLength && finished < rows; t++) {
					Seq2SeqNet.DecodedStep step = net.decodeStep(store, scope.create(previous), state, encoded, false);
					float[] logits = step.logits().toFloatArray();
					int width = net.targetVocabulary();
					for (int r = 0; r < rows; r++) {
						int best = SymbolVocabulary.EOS_ID;
						for (int v = best + 1; v < width; v++) {
							if (logits[r * width + v] > logits[r * width + best]) {
								best = v;
							}
						}
						previous[r] = best;
						if (!done[r]) {
							if (best == SymbolVocabulary.EOS_ID) {
								done[r] = true;
								finished++;
							}
							else {
								generated.get(r).add(best);
							}
						}
					}
					state = step.state();
				}
				for (List<Integer> ids : generated) {
					outputs.add(ids.stream().mapToInt(Integer::intValue).toArray());
				}
			}
		}
		return outputs;
	}

	/**
	 * The share of pairs whose output equals the target exactly.
	 * @param pairs the encoded pairs
	 * @param outputs the generated ids, one per pair
	 * @return the exact match in [0, 1]
	 */
	public static double exactMatch(List<Encoded> pairs, List<int[]> outputs) {
		int matches = 0;
		for (int i = 0; i < pairs.size(); i++) {
			matches += Arrays.equals(pairs.get(i).target(), outputs.get(i)) ? 1 : 0;
		}
		return pairs.isEmpty() ? 0 : (double) matches / pairs.size();
	}

	private double step(Trainer trainer, List<Encoded> batch, Random random) {
		try (NDManager scope = trainer.getManager().newSubManager()) {
			NDList inputs = new NDList(sources(scope, batch), decoderInputs(scope, batch));
			if (this.seq2seq.teacherForcing() < 1) {
				inputs.add(teacherMask(scope, batch, random));
			}
			NDArray labels = labels(scope, batch);
			float value;
			try (GradientCollector collector = trainer.newGradientCollector()) {
				NDArray logits = trainer.forward(inputs).singletonOrThrow();
				NDArray loss = maskedCrossEntropy(logits, labels);
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
				NDArray logits = trainer.evaluate(new NDList(sources(scope, batch), decoderInputs(scope, batch)))
					.singletonOrThrow();
				total += maskedCrossEntropy(logits, labels(scope, batch)).getFloat();
				batches++;
			}
		}
		return (batches == 0) ? 0 : total / batches;
	}

	/**
	 * The mean cross-entropy of the true next symbols, padding positions excluded (DJL's
	 * masked loss needs an operator the PyTorch engine lacks).
	 * @param logits {@code [B, Ty, V]}
	 * @param labels {@code [B, Ty]} int64, 0 at padding
	 * @return the scalar loss
	 */
	public static NDArray maskedCrossEntropy(NDArray logits, NDArray labels) {
		int vocabulary = (int) logits.getShape().get(2);
		NDArray picked = logits.logSoftmax(-1).mul(labels.oneHot(vocabulary)).sum(new int[] { -1 });
		NDArray mask = labels.neq(SymbolVocabulary.PAD_ID).toType(DataType.FLOAT32, false);
		return picked.mul(mask).sum().neg().div(mask.sum().maximum(1f));
	}

	private static NDArray sources(NDManager manager, List<Encoded> batch) {
		int length = batch.stream().mapToInt((pair) -> pair.source().length).max().orElse(1);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] source = batch.get(b).source();
			for (int t = 0; t < source.length; t++) {
				ids[b * length + t] = source[t];
			}
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	// <SOS> then the target, padded.
	private static NDArray decoderInputs(NDManager manager, List<Encoded> batch) {
		int length = targetLength(batch);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] target = batch.get(b).target();
			ids[b * length] = SymbolVocabulary.SOS_ID;
			for (int t = 0; t < target.length; t++) {
				ids[b * length + t + 1] = target[t];
			}
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	// The target then <EOS>, padded with 0.
	private static NDArray labels(NDManager manager, List<Encoded> batch) {
		int length = targetLength(batch);
		long[] ids = new long[batch.size() * length];
		for (int b = 0; b < batch.size(); b++) {
			int[] target = batch.get(b).target();
			for (int t = 0; t < target.length; t++) {
				ids[b * length + t] = target[t];
			}
			ids[b * length + target.length] = SymbolVocabulary.EOS_ID;
		}
		return manager.create(ids, new Shape(batch.size(), length));
	}

	private NDArray teacherMask(NDManager manager, List<Encoded> batch, Random random) {
		int length = targetLength(batch);
		long[] keep = new long[batch.size() * length];
		for (int i = 0; i < keep.length; i++) {
			keep[i] = (random.nextDouble() < this.seq2seq.teacherForcing()) ? 1 : 0;
		}
		return manager.create(keep, new Shape(batch.size(), length));
	}

	private static int targetLength(List<Encoded> batch) {
		return batch.stream().mapToInt((pair) -> pair.target().length).max().orElse(0) + 1;
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
