package io.modelport.training;

/**
 * How a classifier is trained (ml-spec §1.10-1.13).
 *
 * @param epochs the number of passes over the training split
 * @param batchSize the mini-batch size
 * @param learningRate the initial Adam learning rate
 * @param decay the exponential learning-rate decay per epoch: α = α₀ · decay^epoch
 * @param weightDecay the L2 weight decay handed to the optimizer
 * @param devSize the number of training images held out as the dev split for model
 * selection
 * @param flip whether to mirror training images horizontally at random (augmentation)
 * @param maxShift the largest random shift in pixels, 0 for none (augmentation)
 * @param seed the random seed for shuffling, the split, augmentation and initialisation
 * @author Modelport Team
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, float decay, float weightDecay,
		int devSize, boolean flip, int maxShift, long seed) {

	public TrainingSettings {
		if (epochs < 1 || batchSize < 1 || devSize < 1) {
			throw new IllegalArgumentException("epochs, batchSize and devSize must be positive");
		}
		if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
			throw new IllegalArgumentException("learningRate must be positive and finite");
		}
		if (!(decay > 0 && decay <= 1)) {
			throw new IllegalArgumentException("decay must be in (0, 1]");
		}
		if (maxShift < 0 || maxShift > 8) {
			throw new IllegalArgumentException("maxShift must be in [0, 8]");
		}
		if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
			throw new IllegalArgumentException("weightDecay must be non-negative and finite");
		}
	}

}
