package io.modelport.training;

/**
 * The {@code initFrom} member of a training job: start from the weights of a stored
 * version instead of a fresh network, and which of its layers stay as they are.
 *
 * @param model the stored model to start from
 * @param version its version
 * @param freeze which layers are not trained; the task defines the values (a face
 * verifier: {@code none}, a stage name, or {@code all-but-last}) and the default
 * @author Modelport Team
 */
public record InitFrom(String model, Integer version, String freeze) {

	/**
	 * How provenance and messages name the version started from.
	 * @return {@code model/version}
	 */
	public String reference() {
		return this.model + "/" + this.version;
	}

}
