package io.modelport.training;

import java.util.List;

/**
 * The optimizer of a training run (docs/ml-notes.md, "Training a network"). Unset values
 * take the defaults of {@link #withDefaults()}.
 *
 * @param type {@code sgd}, {@code momentum} or {@code adam} (RMSProp, AdaGrad and
 * AdaDelta are not implemented by DJL's PyTorch engine)
 * @param learningRate the initial learning rate α
 * @param momentum β of momentum SGD
 * @param beta1 Adam's β₁
 * @param beta2 Adam's β₂
 * @param epsilon Adam's ε
 * @author Modelport Team
 */
public record OptimizerSettings(String type, Double learningRate, Double momentum, Double beta1, Double beta2,
		Double epsilon) {

	/** The optimizer types. */
	public static final List<String> TYPES = List.of("sgd", "momentum", "adam");

	/**
	 * Fills unset values: Adam, α = 0.001, momentum 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
	 * @return the settings with every value set
	 */
	public OptimizerSettings withDefaults() {
		String t = (this.type != null) ? this.type : "adam";
		double rate = (this.learningRate != null) ? this.learningRate : ("adam".equals(t) ? 0.001 : 0.01);
		return new OptimizerSettings(t, rate, or(this.momentum, 0.9), or(this.beta1, 0.9), or(this.beta2, 0.999),
				or(this.epsilon, 1e-8));
	}

	static double or(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

}
