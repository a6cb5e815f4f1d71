package io.modelport.faces.training;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Which layers of the imported face-api ResNet stay fixed while it is fine-tuned
 * ({@code initFrom.freeze}). The network is read as six stages, input to output:
 * {@code stem} (the 7 × 7 convolution), {@code conv32}, {@code conv64}, {@code conv128},
 * {@code conv256} (the residual blocks of each width, their down-sampling block included)
 * and the final 256 × 128 matrix. Naming a stage freezes it and every stage before it;
 * {@code all-but-last} (the default) freezes everything but the final matrix, and
 * {@code none} trains every layer. Freezing from the input keeps the general features a
 * few hundred faces cannot improve on and leaves fewer weights to over-fit them.
 *
 * @author Modelport Team
 */
final class FaceFreeze {

	/** The default: train only the final matrix. */
	static final String ALL_BUT_LAST = "all-but-last";

	/** Train every layer. */
	static final String NONE = "none";

	/** The stages, input to output; the last one is never frozen. */
	static final List<String> STAGES = List.of("stem", "conv32", "conv64", "conv128", "conv256", "fc");

	/** The accepted values. */
	static final List<String> VALUES = List.of(NONE, "stem", "conv32", "conv64", "conv128", "conv256", ALL_BUT_LAST);

	private static final Pattern CONV = Pattern.compile("conv(\\d+)_.*");

	private final int frozenStages;

	private final String value;

	private FaceFreeze(String value, int frozenStages) {
		this.value = value;
		this.frozenStages = frozenStages;
	}

	/**
	 * Parses a request value.
	 * @param value the value, {@code null} for the default
	 * @return the freeze
	 * @throws IllegalArgumentException naming the accepted values
	 */
	static FaceFreeze of(String value) {
		String given = (value != null) ? value : ALL_BUT_LAST;
		int index = VALUES.indexOf(given);
		if (index < 0) {
			throw new IllegalArgumentException("must be one of " + VALUES + " (a stage freezes it and every stage "
					+ "before it), was '" + value + "'");
		}
		// all-but-last freezes what conv256 does: every stage before the final matrix.
		return new FaceFreeze(given, Math.min(index, STAGES.size() - 1));
	}

	/**
	 * The value, default applied.
	 * @return the value
	 */
	String value() {
		return this.value;
	}

	/**
	 * The stages that are trained.
	 * @return their names, input to output
	 */
	List<String> trainedStages() {
		return STAGES.subList(this.frozenStages, STAGES.size());
	}

	/**
	 * Freezes the parameters of the frozen stages of an initialised block.
	 * @param block the face-api ResNet
	 * @return the number of values left to train
	 */
	long apply(Block block) {
		long trained = 0;
		for (Pair<String, Parameter> entry : block.getParameters()) {
			Parameter parameter = entry.getValue();
			boolean frozen = STAGES.indexOf(stage(parameter.getName())) < this.frozenStages;
			parameter.freeze(frozen);
			trained += frozen ? 0 : parameter.getArray().size();
		}
		return trained;
	}

	/**
	 * The stage of a parameter of the ResNet, from its TF.js name ({@code /} read as
	 * {@code _}).
	 * @param name the parameter name
	 * @return one of {@link #STAGES}
	 * @throws IllegalArgumentException for a name the network does not have
	 */
	static String stage(String name) {
		if (name.startsWith("conv32_down_")) {
			return "stem";
		}
		if (name.equals("fc")) {
			return "fc";
		}
		Matcher conv = CONV.matcher(name);
		if (conv.matches() && STAGES.contains("conv" + conv.group(1))) {
			return "conv" + conv.group(1);
		}
		throw new IllegalArgumentException("parameter " + name + " is in no stage of the face-api network");
	}

	@Override
	public String toString() {
		return this.value.toLowerCase(Locale.ROOT);
	}

}
