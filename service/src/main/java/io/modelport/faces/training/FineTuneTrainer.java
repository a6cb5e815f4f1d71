package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

import io.modelport.embeddings.Embeddings;
import io.modelport.faces.VerificationMetrics;
import io.modelport.nn.FaceRecognitionResNet;
import io.modelport.store.InputSpec;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.Optimizers;
import io.modelport.training.TrainingSettings;

/**
 * Fine-tunes the imported face-api ResNet with the triplet loss: the stored weights are
 * loaded, the frozen stages fixed ({@link FaceFreeze}), and the rest trained on P × K
 * batches of aligned training chips with the same mining as a fresh verifier
 * ({@link TripletLoss}, {@link PkBatchSampler}, {@link EpochLoop}). After each epoch the
 * dev identities are embedded and the epoch with the best dev ROC AUC is kept.
 *
 * @author Modelport Team
 */
final class FineTuneTrainer {

	private static final Pattern PARAMS = Pattern.compile("(.+)-(\\d{4})\\.params");

	private static final int CHUNK = 32;

	private final InputSpec input;

	private final TrainingSettings settings;

	private final FaceSettings faces;

	private final FaceFreeze freeze;

	private final Device device;

	FineTuneTrainer(InputSpec input, TrainingSettings settings, FaceSettings faces, FaceFreeze freeze, Device device) {
		this.input = input;
		this.settings = settings;
		this.faces = faces;
		this.freeze = freeze;
		this.device = device;
	}

	/**
	 * Loads a stored face-api network.
	 * @param directory the version folder
	 * @param weights its parameter file name, {@code <prefix>-<epoch>.params}
	 * @param device the device
	 * @return the model, its block the ResNet
	 * @throws IOException when the file cannot be read as the network
	 */
	static Model load(Path directory, String weights, Device device) throws IOException {
		Matcher name = PARAMS.matcher(weights);
		if (!name.matches()) {
			throw new IOException("the parameter file " + weights + " is not named <model>-<epoch>.params");
		}
		Model model = Model.newInstance(name.group(1), device, "PyTorch");
		try {
			model.setBlock(new FaceRecognitionResNet());
			model.load(directory, name.group(1), Map.of("epoch", Integer.toString(Integer.parseInt(name.group(2)))));
			return model;
		}
		catch (IOException | MalformedModelException | RuntimeException ex) {
			model.close();
			throw new IOException("cannot load " + directory.resolve(weights) + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Embeds preprocessed faces in inference mode, L2-normalised as serving does.
	 * @param model the model
	 * @param inputs the tensors
	 * @param input their spec
	 * @return one unit embedding per face
	 */
	static float[][] embed(Model model, float[][] inputs, InputSpec input) {
		float[][] embeddings = new float[inputs.length][];
		int size = input.channels() * input.height() * input.width();
		for (int from = 0; from < inputs.length; from += CHUNK) {
			int count = Math.min(CHUNK, inputs.length - from);
			float[] values = new float[count * size];
			for (int i = 0; i < count; i++) {
				System.arraycopy(inputs[from + i], 0, values, i * size, size);
			}
			try (NDManager scope = model.getNDManager().newSubManager()) {
				NDArray x = scope.create(values, new Shape(count, input.channels(), input.height(), input.width()));
				NDArray out = model.getBlock()
					.forward(new ParameterStore(scope, false), new NDList(x), false)
					.singletonOrThrow();
				int dimension = (int) out.getShape().get(1);
				float[] raw = out.toFloatArray();
				for (int i = 0; i < count; i++) {
					float[] one = new float[dimension];
					System.arraycopy(raw, i * dimension, one, 0, dimension);
					embeddings[from + i] = Embeddings.l2Normalize(one);
				}
			}
		}
		return embeddings;
	}

	/**
	 * Trains and keeps the best epoch.
	 * @param parent the version folder to start from
	 * @param weights its parameter file name
	 * @param train the training identities (labels and the batch sampler)
	 * @param trainInputs their aligned tensors
	 * @param devInputs the dev identities' tensors
	 * @param devPairs the dev pairs the epoch is chosen on
	 * @param workDir where the kept parameters are saved
	 * @param progress receives each epoch's result
	 * @return the report
	 * @throws IOException when parameters cannot be read or saved
	 */
	FaceTrainer.Report train(Path parent, String weights, FaceImages train, float[][] trainInputs, float[][] devInputs,
			VerificationPairs devPairs, Path workDir, Consumer<EpochResult> progress) throws IOException {
		long seed = this.settings.seed();
		int p = Math.min(this.faces.identitiesPerBatch(), train.identities().size());
		PkBatchSampler sampler = new PkBatchSampler(train, p, this.faces.imagesPerIdentity(), seed);
		int steps = (this.faces.stepsPerEpoch() != null) ? this.faces.stepsPerEpoch()
				: Math.max(FaceSettings.MIN_STEPS_PER_EPOCH, sampler.batchesPerEpoch());
		Random random = new Random(seed * 1_000_003L + 11);
		Engine.getEngine("PyTorch").setRandomSeed((int) seed);
		long started = System.nanoTime();
		try (Model model = load(parent, weights, this.device)) {
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
				.optOptimizer(Optimizers.build(this.settings, steps, 1))
				.optDevices(new Device[] { this.device });
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(new Shape(1, this.input.channels(), this.input.height(), this.input.width()));
				this.freeze.apply(model.getBlock());
				EpochLoop.Outcome outcome = EpochLoop
					.saving(model, workDir, FaceTrainer.BEST_PREFIX, this.settings.epochs())
					.run((epoch, batches) -> {
						long start = System.nanoTime();
						double trainLoss = 0;
						batches.planned(steps);
						for (int i = 0; i < steps; i++) {
							trainLoss += step(trainer, sampler.nextBatch(), train, trainInputs, random);
							batches.done(p * this.faces.imagesPerIdentity());
						}
						double seconds = (System.nanoTime() - start) / 1e9;
						float[][] embeddings = FaceTrainer.embed(trainer, devInputs, this.input);
						VerificationMetrics metrics = new VerificationMetrics(devPairs.distances(embeddings),
								devPairs.sameFlags());
						return new EpochStep.Scored(new EpochResult(epoch, trainLoss / steps, Double.NaN,
								metrics.accuracyAt(metrics.bestAccuracyThreshold()),
								this.settings.schedule().rate(this.settings.optimizer().learningRate(), epoch - 1),
								seconds, steps * p * this.faces.imagesPerIdentity() / seconds), metrics.rocAuc());
					}, progress);
				return new FaceTrainer.Report(outcome.parameters(), outcome.bestEpoch(), outcome.bestScore(),
						outcome.history(), (System.nanoTime() - started) / 1e9);
			}
		}
	}

	private double step(Trainer trainer, int[] batch, FaceImages train, float[][] inputs, Random random) {
		int size = inputs[0].length;
		float[] values = new float[batch.length * size];
		int[] labels = new int[batch.length];
		for (int i = 0; i < batch.length; i++) {
			float[] face = inputs[batch[i]];
			if (this.settings.flip() && random.nextBoolean()) {
				face = FaceChips.mirrored(face, this.input.width());
			}
			System.arraycopy(face, 0, values, i * size, size);
			labels[i] = train.label(batch[i]);
		}
		try (NDManager scope = trainer.getManager().newSubManager()) {
			NDArray x = scope.create(values,
					new Shape(batch.length, this.input.channels(), this.input.height(), this.input.width()));
			float loss;
			try (GradientCollector collector = trainer.newGradientCollector()) {
				NDArray embeddings = trainer.forward(new NDList(x)).singletonOrThrow();
				NDArray distances = TripletLoss.squaredDistances(TripletLoss.normalize(embeddings));
				List<int[]> triplets = TripletLoss.mine(distances, labels, this.faces.mining(), this.faces.margin());
				NDArray value = triplets.isEmpty() ? null : TripletLoss.loss(distances, triplets, this.faces.margin());
				loss = (value != null) ? value.getFloat() : 0;
				if (loss == 0) {
					// Every triplet already keeps the margin (a pretrained network often
					// does): no gradient, and DJL refuses a first step without one.
					return 0;
				}
				collector.backward(value);
			}
			trainer.step();
			return loss;
		}
	}

}
