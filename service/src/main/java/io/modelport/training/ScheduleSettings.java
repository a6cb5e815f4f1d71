package io.modelport.training;

import java.util.List;

/**
 * How the learning rate decays with the epoch (docs/ml-notes.md, "Training a network"),
 * epoch counted from 0: {@code constant}: α₀; {@code inverse-time}: α₀ / (1 + decay ·
 * epoch); {@code exponential}: α₀ · decay^epoch; {@code step}: α₀ · decay^⌊epoch /
 * stepEpochs⌋.
 *
 * @param type the schedule
 * @param decay the decay rate (inverse-time) or factor (exponential, step)
 * @param stepEpochs epochs per step of the staircase
 * @author Modelport Team
 */
public record ScheduleSettings(String type, Double decay, Integer stepEpochs) {

	/** The schedule types. */
	public static final List<String> TYPES = List.of("constant", "inverse-time", "exponential", "step");

	/**
	 * Fills unset values: constant; decay 1 for inverse-time, 0.9 otherwise; steps of 10.
	 * @return the settings with every value set
	 */
	public ScheduleSettings withDefaults() {
		String t = (this.type != null) ? this.type : "constant";
		double d = (this.decay != null) ? this.decay : ("inverse-time".equals(t) ? 1.0 : 0.9);
		return new ScheduleSettings(t, d, (this.stepEpochs != null) ? this.stepEpochs : 10);
	}

	/**
	 * The learning rate of an epoch.
	 * @param base the initial rate α₀
	 * @param epoch the epoch, from 0; fractional values interpolate within an epoch
	 * @return the rate
	 */
	public double rate(double base, double epoch) {
		ScheduleSettings s = withDefaults();
		return switch (s.type) {
			case "inverse-time" -> base / (1 + s.decay * Math.floor(epoch));
			case "exponential" -> base * Math.pow(s.decay, Math.floor(epoch));
			case "step" -> base * Math.pow(s.decay, Math.floor(Math.floor(epoch) / s.stepEpochs));
			default -> base;
		};
	}

}
