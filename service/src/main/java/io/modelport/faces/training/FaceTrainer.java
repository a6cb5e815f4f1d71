package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

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

import io.modelport.embeddings.Embeddings;
import io.modelport.faces.VerificationMetrics;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;
import io.modelport.training.EpochLoop;
import io.modelport.training.EpochResult;
import io.modelport.training.EpochStep;
import io.modelport.training.Optimizers;
import io.modelport.training.TrainingSettings;

/**
 * Trains a {@link FaceEmbedderNet} with the triplet loss on P × K batches of training
 * identities, mining triplets in every batch. After each epoch it embeds the dev
 * identities (never trained on) and keeps the parameters of the epoch with the best dev
 * ROC AUC, which measures the ranking of distances without committing to a threshold
 * ({@link #trainFixed} instead runs a fixed number of epochs and keeps the last).
 * <p>
 * Images go through {@link ImagePreprocessor#toTensor} with the model's input spec, the
 * serving path, so training and serving see the same tensors; augmentation then changes
 * the training copies only.
 *
 * @author Modelport Team
 */
public final class FaceTrainer {

	/** The prefix of the best epoch's parameter file. */
	public static final String BEST_PREFIX = "best";

	// Embeddings are computed in chunks this large outside training.
	private static final int CHUNK = 64;

	private final FaceEmbedderNet architecture;

	private final InputSpec input;

	private final TrainingSettings settings;

	private final FaceSettings faces;

	private final Device device;

	/**
	 * Creates a trainer.
	 * @param architecture the network
	 * @param input the input spec (one channel)
	 * @param settings the common settings, defaults applied
	 * @param faces the face settings, defaults applied
	 * @param device the device
	 */
	public FaceTrainer(FaceEmbedderNet architecture, InputSpec input, TrainingSettings settings, FaceSettings faces,
			Device device) {
		if (input.channels() != 1) {
			throw new IllegalArgumentException("the face embedder trains on gray input, not " + input.channels());
		}
		this.architecture = architecture;
		this.input = input;
		this.settings = settings;
		this.faces = faces;
		this.device = device;
	}

	/**
	 * Trains and returns the best epoch.
	 * @param train the training identities
	 * @param dev the dev identities
	 * @param devPairs the dev pairs the epoch is chosen on
	 * @param workDir where the best parameters are saved
	 * @param progress receives each epoch's result: dev loss is the batch-hard triplet
	 * loss of all dev images as one batch, dev accuracy the best-threshold accuracy on
	 * the dev pairs
	 * @return the report
	 * @throws IOException when the parameters cannot be saved
	 */
	public Report train(FaceImages train, FaceImages dev, VerificationPairs devPairs, Path workDir,
			Consumer<EpochResult> progress) throws IOException {
		return run(train, dev, devPairs, workDir, progress, null, true);
	}

	/**
	 * Trains every epoch and keeps the last, choosing nothing on held-out faces: the
	 * epochs are fixed beforehand (cross-validation, and the final run on every non-test
	 * identity).
	 * @param train the training identities
	 * @param heldOut faces embedded after every epoch, or {@code null} for none
	 * @param heldOutPairs their pairs (the progress figures), or {@code null}
	 * @param workDir where the last epoch's parameters are saved
	 * @param progress receives each epoch's result (dev figures NaN without held-out
	 * faces)
	 * @param observer receives the held-out unit embeddings and the epoch after every
	 * epoch, or {@code null}
	 * @return the report, its best epoch the last
	 * @throws IOException when the parameters cannot be saved
	 */
	public Report trainFixed(FaceImages train, FaceImages heldOut, VerificationPairs heldOutPairs, Path workDir,
			Consumer<EpochResult> progress, ObjIntConsumer<float[][]> observer) throws IOException {
		return run(train, heldOut, heldOutPairs, workDir, progress, observer, false);
	}

	private Report run(FaceImages train, FaceImages dev, VerificationPairs devPairs, Path workDir,
			Consumer<EpochResult> progress, ObjIntConsumer<float[][]> observer, boolean keepBest) throws IOException {
		long seed = this.settings.seed();
		float[][] trainInputs = inputs(train, this.input);
		float[][] devInputs = (dev != null) ? inputs(dev, this.input) : null;
		int p = Math.min(this.faces.identitiesPerBatch(), train.identities().size());
		PkBatchSampler sampler = new PkBatchSampler(train, p, this.faces.imagesPerIdentity(), seed);
		int steps = (this.faces.stepsPerEpoch() != null) ? this.faces.stepsPerEpoch()
				: Math.max(FaceSettings.MIN_STEPS_PER_EPOCH, sampler.batchesPerEpoch());
		FaceAugmentation augmentation = new FaceAugmentation(this.settings.flip(), this.settings.maxShift(),
				this.faces.jitter(), this.faces.rotation(), this.faces.scale());
		Random random = new Random(seed * 1_000_003L + 7);
		Engine.getEngine("PyTorch").setRandomSeed((int) seed);
		long started = System.nanoTime();
		try (Model model = Model.newInstance("face-embedder", this.device, "PyTorch")) {
			model.setBlock(this.architecture.build());
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
				.optOptimizer(Optimizers.build(this.settings, steps, 1))
				.optDevices(new Device[] { this.device });
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(new Shape(1, 1, this.input.height(), this.input.width()));
				EpochLoop loop = EpochLoop.saving(model, workDir, BEST_PREFIX, this.settings.epochs());
				EpochLoop.Outcome outcome = (keepBest ? loop.tiesByDevLoss() : loop.keepLast())
					.run((epoch, batches) -> {
						long start = System.nanoTime();
						double trainLoss = 0;
						batches.planned(steps);
						for (int i = 0; i < steps; i++) {
							trainLoss += step(trainer, sampler.nextBatch(), train, trainInputs, augmentation, random);
							batches.done(p * this.faces.imagesPerIdentity());
						}
						double seconds = (System.nanoTime() - start) / 1e9;
						double devLoss = Double.NaN;
						double devAccuracy = Double.NaN;
						double auc = Double.NaN;
						if (dev != null) {
							float[][] embeddings = embed(trainer, devInputs, this.input);
							VerificationMetrics metrics = new VerificationMetrics(devPairs.distances(embeddings),
									devPairs.sameFlags());
							devLoss = devLoss(trainer, embeddings, dev.labels());
							devAccuracy = metrics.accuracyAt(metrics.bestAccuracyThreshold());
							auc = metrics.rocAuc();
							if (observer != null) {
								observer.accept(embeddings, epoch);
							}
						}
						return new EpochStep.Scored(new EpochResult(epoch, trainLoss / steps, devLoss, devAccuracy,
								this.settings.schedule().rate(this.settings.optimizer().learningRate(), epoch - 1),
								seconds, steps * p * this.faces.imagesPerIdentity() / seconds), auc);
					}, progress);
				return new Report(outcome.parameters(), outcome.bestEpoch(), outcome.bestScore(), outcome.history(),
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	/**
	 * The preprocessed input of every image of a face set, through the serving path.
	 * @param faces the faces
	 * @param input the input spec
	 * @return one channels × height × width tensor per image
	 */
	public static float[][] inputs(FaceImages faces, InputSpec input) {
		float[][] inputs = new float[faces.count()][];
		for (int i = 0; i < inputs.length; i++) {
			inputs[i] = ImagePreprocessor.toTensor(faces.toImage(i), input);
		}
		return inputs;
	}

	/**
	 * Embeds preprocessed images in inference mode (batch norm running statistics, no
	 * dropout) and L2-normalises the embeddings as serving does.
	 * @param trainer a trainer of the model
	 * @param inputs the preprocessed images
	 * @param input the input spec
	 * @return one unit embedding per image
	 */
	public static float[][] embed(Trainer trainer, float[][] inputs, InputSpec input) {
		float[][] embeddings = new float[inputs.length][];
		int size = inputs[0].length;
		for (int from = 0; from < inputs.length; from += CHUNK) {
			int count = Math.min(CHUNK, inputs.length - from);
			float[] values = new float[count * size];
			for (int i = 0; i < count; i++) {
				System.arraycopy(inputs[from + i], 0, values, i * size, size);
			}
			try (NDManager scope = trainer.getManager().newSubManager()) {
				NDArray x = scope.create(values, new Shape(count, input.channels(), input.height(), input.width()));
				NDArray output = trainer.evaluate(new NDList(x)).singletonOrThrow();
				int dimension = (int) output.getShape().get(1);
				float[] raw = output.toFloatArray();
				for (int i = 0; i < count; i++) {
					float[] one = new float[dimension];
					System.arraycopy(raw, i * dimension, one, 0, dimension);
					embeddings[from + i] = Embeddings.l2Normalize(one);
				}
			}
		}
		return embeddings;
	}

	private double step(Trainer trainer, int[] batch, FaceImages train, float[][] inputs, FaceAugmentation augmentation,
			Random random) {
		int size = inputs[0].length;
		float[] values = new float[batch.length * size];
		int[] labels = new int[batch.length];
		for (int i = 0; i < batch.length; i++) {
			float[] image = augmentation.apply(inputs[batch[i]], this.input.width(), this.input.height(), random);
			System.arraycopy(image, 0, values, i * size, size);
			labels[i] = train.label(batch[i]);
		}
		try (NDManager scope = trainer.getManager().newSubManager()) {
			NDArray x = scope.create(values, new Shape(batch.length, 1, this.input.height(), this.input.width()));
			float loss;
			try (GradientCollector collector = trainer.newGradientCollector()) {
				NDArray embeddings = trainer.forward(new NDList(x)).singletonOrThrow();
				NDArray distances = TripletLoss.squaredDistances(TripletLoss.normalize(embeddings));
				List<int[]> triplets = TripletLoss.mine(distances, labels, this.faces.mining(), this.faces.margin());
				if (triplets.isEmpty()) {
					// Semi-hard mining found nothing inside the margin: nothing to learn.
					return 0;
				}
				NDArray value = TripletLoss.loss(distances, triplets, this.faces.margin());
				collector.backward(value);
				loss = value.getFloat();
			}
			trainer.step();
			return loss;
		}
	}

	private double devLoss(Trainer trainer, float[][] embeddings, int[] labels) {
		try (NDManager scope = trainer.getManager().newSubManager()) {
			float[] values = new float[embeddings.length * embeddings[0].length];
			for (int i = 0; i < embeddings.length; i++) {
				System.arraycopy(embeddings[i], 0, values, i * embeddings[i].length, embeddings[i].length);
			}
			NDArray distances = TripletLoss
				.squaredDistances(scope.create(values, new Shape(embeddings.length, embeddings[0].length)));
			List<int[]> triplets = TripletLoss.mine(distances, labels, "batch-hard", this.faces.margin());
			return triplets.isEmpty() ? 0 : TripletLoss.loss(distances, triplets, this.faces.margin()).getFloat();
		}
	}

	/**
	 * A finished training run.
	 *
	 * @param parameters the best epoch's parameter file
	 * @param bestEpoch the best epoch
	 * @param bestDevAuc its dev ROC AUC
	 * @param history one result per epoch
	 * @param trainSeconds the wall time of training and per-epoch evaluation
	 */
	public record Report(Path parameters, int bestEpoch, double bestDevAuc, List<EpochResult> history,
			double trainSeconds) {

	}

}
