package io.modelport.store;

import java.util.Arrays;

/**
 * How the weights of a model version are stored.
 *
 * @author Modelport Team
 */
public enum ArtifactFormat {

	/** DJL parameter file plus a named architecture that rebuilds the block in code. */
	DJL_PARAMS("djl-params"),

	/** A TorchScript module ({@code .pt}) exported from PyTorch. */
	TORCHSCRIPT("torchscript");

	private final String id;

	ArtifactFormat(String id) {
		this.id = id;
	}

	/**
	 * The identifier used in descriptors.
	 * @return the identifier
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Parses a descriptor value.
	 * @param id the identifier
	 * @return the format
	 * @throws IllegalArgumentException when no format has that identifier
	 */
	public static ArtifactFormat fromId(String id) {
		return Arrays.stream(values())
			.filter((format) -> format.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "', expected one of "
					+ Arrays.stream(values()).map(ArtifactFormat::id).toList()));
	}

}
