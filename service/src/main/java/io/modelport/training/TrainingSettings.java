package io.modelport.training;

/**
 * How a classifier is trained (ml-spec §1.10-1.13).
 *
 * @param epochs the number of passes over the training split
 * @param batchSize the mini-batch size
 * @param learningRate the initial Adam learning rate
 * @param decay the exponential learning-rate decay per epoch: α = α₀ · decay^epoch
 * @param weightDecay the L2 weight decay handed to the optimizer
 * @param devSize the number of training images held out as the dev split for model selection
 * @param augment whether to flip horizontally and shift by up to 2 pixels at random
 * @param seed the random seed for shuffling, the split, augmentation and initialisation
 * @author Modelport
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, float decay, float weightDecay,
		int devSize, boolean augment, long seed) {

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
		if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
			throw new IllegalArgumentException("weightDecay must be non-negative and finite");
		}
	}

}
