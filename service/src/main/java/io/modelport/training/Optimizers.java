package io.modelport.training;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Builds the optimizer a {@link TrainingSettings} describes, for every trainer.
 *
 * @author Modelport Team
 */
public final class Optimizers {

	private Optimizers() {
	}

	/**
	 * Builds the optimizer with its learning-rate schedule, weight decay and clipping.
	 * @param settings the settings, defaults applied
	 * @param stepsPerEpoch the updates per epoch, for the schedule
	 * @param firstEpoch the first epoch run (after a resume, the next one)
	 * @return the optimizer
	 */
	public static Optimizer build(TrainingSettings settings, int stepsPerEpoch, int firstEpoch) {
		OptimizerSettings o = settings.optimizer();
		ScheduleSettings schedule = settings.schedule();
		double base = o.learningRate();
		// The tracker sees the optimizer's update count, which continues from the first
		// epoch's updates after a resume (optBeginNumUpdate).
		Tracker tracker = (update) -> (float) schedule.rate(base, (double) update / stepsPerEpoch);
		int begin = (firstEpoch - 1) * stepsPerEpoch;
		float decay = (float) (double) settings.weightDecay();
		float clip = (float) (double) settings.gradientClip();
		return switch (o.type()) {
			case "sgd", "momentum" -> {
				var builder = Optimizer.sgd()
					.setLearningRateTracker(tracker)
					.optWeightDecays(decay)
					.optBeginNumUpdate(begin);
				if ("momentum".equals(o.type())) {
					builder.optMomentum((float) (double) o.momentum());
				}
				yield ((clip > 0) ? builder.optClipGrad(clip) : builder).build();
			}
			default -> {
				var builder = Optimizer.adam()
					.optLearningRateTracker(tracker)
					.optBeta1((float) (double) o.beta1())
					.optBeta2((float) (double) o.beta2())
					.optEpsilon((float) (double) o.epsilon())
					.optWeightDecays(decay)
					.optBeginNumUpdate(begin);
				yield ((clip > 0) ? builder.optClipGrad(clip) : builder).build();
			}
		};
	}

}
