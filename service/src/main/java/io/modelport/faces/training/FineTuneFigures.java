package io.modelport.faces.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The before and after of a fine-tune, both measured on the same unseen test identities
 * and each at its own τ calibrated on the same dev identities: {@code before} is the
 * {@code initFrom} version as stored, {@code after} the fine-tuned network.
 * {@code if-better} promotion compares their ROC AUC.
 *
 * @param before the version started from
 * @param after the fine-tuned network
 * @param testIdentities the number of test identities
 * @param samePairs the same-person pairs scored
 * @param differentPairs the different-person pairs scored
 * @author Modelport Team
 */
public record FineTuneFigures(VerifierFigures before, VerifierFigures after, int testIdentities, int samePairs,
		int differentPairs) {

	/**
	 * Whether fine-tuning improved the ranking of the test pairs.
	 * @return whether the ROC AUC after is higher than before
	 */
	public boolean improved() {
		return this.after.rocAuc() > this.before.rocAuc();
	}

	/**
	 * The figures as the evaluation report lists them.
	 * @return {@code before}, {@code after}, {@code improved} and the pair counts
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("before", this.before.toMap());
		map.put("after", this.after.toMap());
		map.put("improved", improved());
		map.put("testIdentities", this.testIdentities);
		map.put("testPairs", Map.of("same", this.samePairs, "different", this.differentPairs));
		return map;
	}

}
