package io.modelport.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters of a {@link Seq2SeqNet}, as read from and written to a descriptor.
 *
 * @param sourceVocabulary the source ids, the 4 reserved ones included
 * @param targetVocabulary the target ids, the 4 reserved ones included
 * @param embedding the symbol embedding size of both sides
 * @param hidden the RNN state size of the encoder (each direction) and the decoder
 * @param attention the size of the additive attention's hidden layer
 * @param cell {@code gru} or {@code lstm}
 * @param bidirectional whether the encoder also reads the source backwards
 * @author Modelport Team
 */
record Seq2SeqArchitecture(int sourceVocabulary, int targetVocabulary, int embedding, int hidden, int attention,
		String cell, boolean bidirectional) {

	/** The recurrent cells. */
	static final List<String> CELLS = List.of("gru", "lstm");

	Seq2SeqArchitecture {
		if (!CELLS.contains(cell)) {
			throw new UnknownArchitectureException("cell must be one of " + CELLS + ", was " + cell);
		}
	}

	/**
	 * Reads required {@code sourceVocabulary} and {@code targetVocabulary}, optional
	 * {@code embedding} (32), {@code hidden} (64), {@code attention} (the hidden size),
	 * {@code cell} ({@code gru}) and {@code bidirectional} ({@code true}).
	 * @param parameters the hyperparameters
	 * @return the architecture
	 * @throws UnknownArchitectureException when a value is missing or out of range
	 */
	static Seq2SeqArchitecture fromParameters(Map<String, Object> parameters) {
		int hidden = ArchitectureCatalog.intParameter(parameters, "hidden", 64, 1, 4096);
		Object cell = parameters.getOrDefault("cell", "gru");
		Object bidirectional = parameters.getOrDefault("bidirectional", Boolean.TRUE);
		if (!(bidirectional instanceof Boolean)) {
			throw new UnknownArchitectureException("bidirectional must be true or false");
		}
		if (!parameters.containsKey("sourceVocabulary") || !parameters.containsKey("targetVocabulary")) {
			throw new UnknownArchitectureException("sourceVocabulary and targetVocabulary are required");
		}
		return new Seq2SeqArchitecture(
				ArchitectureCatalog.intParameter(parameters, "sourceVocabulary", 0, 5, 1_000_000),
				ArchitectureCatalog.intParameter(parameters, "targetVocabulary", 0, 5, 1_000_000),
				ArchitectureCatalog.intParameter(parameters, "embedding", 32, 1, 4096), hidden,
				ArchitectureCatalog.intParameter(parameters, "attention", hidden, 1, 4096), String.valueOf(cell),
				(Boolean) bidirectional);
	}

	Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("sourceVocabulary", this.sourceVocabulary);
		parameters.put("targetVocabulary", this.targetVocabulary);
		parameters.put("embedding", this.embedding);
		parameters.put("hidden", this.hidden);
		parameters.put("attention", this.attention);
		parameters.put("cell", this.cell);
		parameters.put("bidirectional", this.bidirectional);
		return parameters;
	}

	boolean isLstm() {
		return "lstm".equals(this.cell);
	}

	// The width of an encoder output: both directions side by side when bidirectional.
	int encoded() {
		return this.hidden * (this.bidirectional ? 2 : 1);
	}

}
