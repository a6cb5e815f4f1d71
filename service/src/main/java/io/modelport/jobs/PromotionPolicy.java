package io.modelport.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a successful job's new version becomes the model's default version.
 *
 * @author Modelport Team
 */
public enum PromotionPolicy {

	/** Always make the new version the default. */
	ALWAYS("always"),

	/**
	 * Only when its quality beats the current default's: test accuracy (classifier), test
	 * ROC AUC (face verifier), test mAP@0.5 (detector), analogy accuracy (word2vec).
	 */
	IF_BETTER("if-better"),

	/** Never; promote explicitly with {@code POST .../versions/{v}/promote}. */
	NEVER("never");

	private final String id;

	PromotionPolicy(String id) {
		this.id = id;
	}

	/**
	 * The identifier used in requests.
	 * @return the identifier
	 */
	@JsonValue
	public String id() {
		return this.id;
	}

	/**
	 * Parses a request value.
	 * @param id the identifier
	 * @return the policy
	 * @throws IllegalArgumentException when unknown
	 */
	@JsonCreator
	public static PromotionPolicy fromId(String id) {
		for (PromotionPolicy policy : values()) {
			if (policy.id.equals(id)) {
				return policy;
			}
		}
		throw new IllegalArgumentException("promotion must be always, if-better or never");
	}

}
