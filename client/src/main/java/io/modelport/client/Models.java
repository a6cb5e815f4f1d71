package io.modelport.client;

import java.util.Arrays;
import java.util.List;

/**
 * Model management: {@code /api/v1/models}.
 *
 * @author Modelport Team
 */
public final class Models {

	private final Transport transport;

	Models(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Every model with its default version and state.
	 * @return the models
	 */
	public List<ModelSummary> list() {
		return Arrays.asList(this.transport.get("/api/v1/models", ModelSummary[].class));
	}

	/**
	 * A model with every version: states, task, input, labels, quality figures.
	 * @param model the model
	 * @return the model
	 * @throws NotFoundException when there is no such model
	 */
	public ModelDetails describe(String model) {
		return this.transport.get(ModelportClient.modelPath(model), ModelDetails.class);
	}

	/**
	 * A model's versions.
	 * @param model the model
	 * @return its versions
	 */
	public List<ModelDetails.Version> versions(String model) {
		return describe(model).versions();
	}

	/**
	 * Makes a READY version the default (persisted in the model's {@code model.yaml}).
	 * @param model the model
	 * @param version the version
	 * @return the model afterwards
	 */
	public ModelDetails promote(String model, int version) {
		return this.transport.post(ModelportClient.modelPath(model) + "/versions/" + version + "/promote",
				"application/json", new byte[0], ModelDetails.class);
	}

	/**
	 * Loads versions added on disk, retries failed ones, unloads removed ones; answers
	 * when the new versions are READY or FAILED.
	 * @param model the model
	 * @return the model afterwards
	 */
	public ModelDetails reload(String model) {
		return this.transport.post(ModelportClient.modelPath(model) + "/reload", "application/json", new byte[0],
				ModelDetails.class);
	}

}
