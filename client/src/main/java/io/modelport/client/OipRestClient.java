package io.modelport.client;

import java.net.http.HttpResponse;

/**
 * The Open Inference Protocol v2 over REST ({@code /v2}), as KServe and Triton clients
 * speak it. Errors arrive as {@code {"error": ...}} and are thrown as the same
 * {@link ModelportException}s as the rest of the API.
 *
 * @author Modelport Team
 */
public final class OipRestClient {

	private final Transport transport;

	OipRestClient(Transport transport) {
		this.transport = transport;
	}

	/**
	 * The server's name, version and extensions.
	 * @return the metadata
	 */
	public Oip.ServerMetadata serverMetadata() {
		return this.transport.get("/v2", Oip.ServerMetadata.class);
	}

	/**
	 * Whether the server answers.
	 * @return {@code true} when live
	 */
	public boolean live() {
		return health("/v2/health/live");
	}

	/**
	 * Whether every required model is ready.
	 * @return {@code true} when ready
	 */
	public boolean ready() {
		return health("/v2/health/ready");
	}

	/**
	 * Whether a model's default version is ready.
	 * @param model the model
	 * @return {@code true} when ready
	 */
	public boolean modelReady(String model) {
		return health("/v2/models/" + Transport.segment(model) + "/ready");
	}

	/**
	 * A model's inputs and outputs.
	 * @param model the model
	 * @param version the version, {@code null} for the default
	 * @return the metadata
	 */
	public Oip.ModelMetadata modelMetadata(String model, Integer version) {
		return this.transport.get(modelPath(model, version), Oip.ModelMetadata.class);
	}

	/**
	 * Runs an inference with JSON tensors.
	 * @param model the model
	 * @param version the version, {@code null} for the default
	 * @param request the inputs
	 * @return the outputs
	 */
	public Oip.InferResponse infer(String model, Integer version, Oip.InferRequest request) {
		return this.transport.postJson(modelPath(model, version) + "/infer", request, Oip.InferResponse.class);
	}

	private static String modelPath(String model, Integer version) {
		return "/v2/models/" + Transport.segment(model) + ((version != null) ? "/versions/" + version : "");
	}

	// The health endpoints answer 200 or 400 with an empty body; 400 is "no", not an
	// error.
	private boolean health(String path) {
		try {
			this.transport.send(this.transport.request(path, false).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (InvalidRequestException | UnavailableException ex) {
			if (ex.status() == 0) {
				throw ex;
			}
			return false;
		}
	}

}
