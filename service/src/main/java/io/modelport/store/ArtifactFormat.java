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
	TORCHSCRIPT("torchscript"),

	/** An ONNX graph ({@code .onnx}), served by the OnnxRuntime engine. */
	ONNX("onnx"),

	/** Word vectors in the word2vec C tool's text format (gensim writes it too). */
	WORD2VEC_TEXT("word2vec-text"),

	/** Word vectors in the word2vec C tool's binary format (gensim writes it too). */
	WORD2VEC_BINARY("word2vec-binary");

	private final String id;

	ArtifactFormat(String id) {
		this.id = id;
	}

	/**
	 * Whether the artifact is a word-vector file rather than network weights.
	 * @return {@code true} for the word2vec formats
	 */
	public boolean isWordVectors() {
		return this == WORD2VEC_TEXT || this == WORD2VEC_BINARY;
	}

	/**
	 * The DJL engine that runs this format: OnnxRuntime for ONNX graphs, PyTorch for
	 * everything else.
	 * @return the engine name
	 */
	public String engine() {
		return (this == ONNX) ? "OnnxRuntime" : "PyTorch";
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
