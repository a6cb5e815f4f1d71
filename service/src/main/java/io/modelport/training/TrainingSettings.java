package io.modelport.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a classifier is trained (docs/ml-notes.md, "Training a network"). Every value may
 * be left unset in a request; {@link #withDefaults()} fills it.
 *
 * @param epochs the most passes over the training split
 * @param batchSize the mini-batch size
 * @param optimizer the optimizer and its hyperparameters
 * @param schedule the learning-rate decay schedule
 * @param weightDecay the L2 weight decay λ handed to the optimizer (it adds λ·W to each
 * gradient, which is the gradient of (λ/2)‖W‖²)
 * @param gradientClip clip every gradient element to [-c, c]; 0 turns clipping off
 * @param earlyStoppingPatience stop after this many epochs without a better dev accuracy;
 * 0 turns early stopping off
 * @param devFraction the fraction of the training data held out as the dev split
 * @param testFraction the fraction held out as the test split when the data set has none
 * @param flip whether to mirror training images horizontally at random (augmentation)
 * @param maxShift the largest random shift in pixels, 0 for none (augmentation)
 * @param seed the seed for splits, shuffling, augmentation and initialisation
 * @author Modelport Team
 */
public record TrainingSettings(Integer epochs, Integer batchSize, OptimizerSettings optimizer,
		ScheduleSettings schedule, Double weightDecay, Double gradientClip, Integer earlyStoppingPatience,
		Double devFraction, Double testFraction, Boolean flip, Integer maxShift, Long seed) {

	/**
	 * The same settings with another seed.
	 * @param other the seed
	 * @return the settings
	 */
	public TrainingSettings withSeed(long other) {
		return new TrainingSettings(this.epochs, this.batchSize, this.optimizer, this.schedule, this.weightDecay,
				this.gradientClip, this.earlyStoppingPatience, this.devFraction, this.testFraction, this.flip,
				this.maxShift, other);
	}

	/**
	 * Fills unset values: 10 epochs, batch 128, Adam, constant rate, no weight decay, no
	 * clipping, no early stopping, 10% dev, 10% test, no augmentation, seed 42.
	 * @return the settings with every value set
	 */
	public TrainingSettings withDefaults() {
		return new TrainingSettings(or(this.epochs, 10), or(this.batchSize, 128),
				((this.optimizer != null) ? this.optimizer : new OptimizerSettings(null, null, null, null, null, null))
					.withDefaults(),
				((this.schedule != null) ? this.schedule : new ScheduleSettings(null, null, null)).withDefaults(),
				OptimizerSettings.or(this.weightDecay, 0), OptimizerSettings.or(this.gradientClip, 0),
				or(this.earlyStoppingPatience, 0), OptimizerSettings.or(this.devFraction, 0.1),
				OptimizerSettings.or(this.testFraction, 0.1), Boolean.TRUE.equals(this.flip), or(this.maxShift, 0),
				(this.seed != null) ? this.seed : 42L);
	}

	private static int or(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * The settings as a descriptor's provenance records them; call on settings with
	 * defaults.
	 * @return the settings by name
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("epochs", this.epochs);
		map.put("batchSize", this.batchSize);
		map.put("optimizer", this.optimizer.type());
		map.put("learningRate", this.optimizer.learningRate());
		map.put("schedule", this.schedule.type());
		map.put("decay", this.schedule.decay());
		map.put("weightDecay", this.weightDecay);
		map.put("gradientClip", this.gradientClip);
		map.put("earlyStoppingPatience", this.earlyStoppingPatience);
		map.put("devFraction", this.devFraction);
		map.put("flip", this.flip);
		map.put("maxShift", this.maxShift);
		map.put("seed", this.seed);
		return map;
	}

}
