package io.modelport.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An encoder-decoder translator with additive (Bahdanau) attention (docs/ml-notes.md,
 * "Sequence to sequence", and Appendix B). The encoder embeds the source symbols and runs
 * a GRU or LSTM over them; bidirectionally it runs a second one over each source reversed
 * (the engine's own bidirectional RNN mis-orders its parameters, so two unidirectional
 * RNNs are used). The decoder starts from tanh(W · mean of the encoder outputs); at each
 * step it scores every source position with vᵀ tanh(W_s s⟨t−1⟩ + U_h h_j), masks the
 * padding, takes the softmax as the attention α and the weighted sum of encoder outputs
 * as the context, feeds [embedding of the previous symbol; context] to its RNN, and
 * predicts the next symbol from [s⟨t⟩; context; embedding] through a tanh layer.
 * <p>
 * {@code forward} is the teacher-forced training pass: source ids {@code [B, Tx]} and
 * decoder input ids {@code [B, Ty]} ({@code <SOS>} then the target) give logits
 * {@code [B, Ty, V]}. Decoding goes through {@link #encode} and {@link #decodeStep}.
 * Sources are padded at the end with id 0; their encoder outputs at real positions do not
 * depend on the padding, so a batched source and the same source alone give the same
 * results.
 *
 * @author Modelport Team
 */
public final class Seq2SeqNet extends AbstractBlock {

	/** The recurrent cells. */
	public static final List<String> CELLS = List.of("gru", "lstm");

	private static final byte VERSION = 1;

	private static final int PAD_ID = 0;

	// A large negative score gives padded positions an attention weight of 0.
	private static final float MASKED = -1e9f;

	private final int sourceVocabulary;

	private final int targetVocabulary;

	private final int embedding;

	private final int hidden;

	private final int attention;

	private final String cell;

	private final boolean bidirectional;

	private final Block sourceEmbedding;

	private final Block forwardEncoder;

	private final Block backwardEncoder;

	private final Block bridge;

	private final Block keys;

	private final Block query;

	private final Block scorer;

	private final Block targetEmbedding;

	private final Block decoder;

	private final Block combine;

	private final Block output;

	/**
	 * Creates an untrained network.
	 * @param sourceVocabulary the source ids, the 4 reserved ones included
	 * @param targetVocabulary the target ids, the 4 reserved ones included
	 * @param embedding the symbol embedding size of both sides
	 * @param hidden the RNN state size of the encoder (each direction) and the decoder
	 * @param attention the size of the additive attention's hidden layer
	 * @param cell {@code gru} or {@code lstm}
	 * @param bidirectional whether the encoder also reads the source backwards
	 */
	public Seq2SeqNet(int sourceVocabulary, int targetVocabulary, int embedding, int hidden, int attention, String cell,
			boolean bidirectional) {
		super(VERSION);
		if (!CELLS.contains(cell)) {
			throw new UnknownArchitectureException("cell must be one of " + CELLS + ", was " + cell);
		}
		this.sourceVocabulary = sourceVocabulary;
		this.targetVocabulary = targetVocabulary;
		this.embedding = embedding;
		this.hidden = hidden;
		this.attention = attention;
		this.cell = cell;
		this.bidirectional = bidirectional;
		this.sourceEmbedding = addChildBlock("sourceEmbedding",
				new IdEmbedding.Builder().setDictionarySize(sourceVocabulary).setEmbeddingSize(embedding).build());
		this.forwardEncoder = addChildBlock("forwardEncoder", rnn(false));
		this.backwardEncoder = bidirectional ? addChildBlock("backwardEncoder", rnn(false)) : null;
		this.bridge = addChildBlock("bridge", Linear.builder().setUnits(hidden).build());
		this.keys = addChildBlock("keys", Linear.builder().setUnits(attention).optBias(false).build());
		this.query = addChildBlock("query", Linear.builder().setUnits(attention).build());
		this.scorer = addChildBlock("scorer", Linear.builder().setUnits(1).optBias(false).build());
		this.targetEmbedding = addChildBlock("targetEmbedding",
				new IdEmbedding.Builder().setDictionarySize(targetVocabulary).setEmbeddingSize(embedding).build());
		this.decoder = addChildBlock("decoder", rnn(true));
		this.combine = addChildBlock("combine", Linear.builder().setUnits(hidden).build());
		this.output = addChildBlock("output", Linear.builder().setUnits(targetVocabulary).build());
	}

	/**
	 * Reads the hyperparameters of a descriptor or training request: required
	 * {@code sourceVocabulary} and {@code targetVocabulary}, optional {@code embedding}
	 * (32), {@code hidden} (64), {@code attention} (the hidden size), {@code cell}
	 * ({@code gru}) and {@code bidirectional} ({@code true}).
	 * @param parameters the hyperparameters
	 * @return the untrained network
	 * @throws UnknownArchitectureException when a value is missing or out of range
	 */
	public static Seq2SeqNet fromParameters(Map<String, Object> parameters) {
		int hidden = ArchitectureCatalog.intParameter(parameters, "hidden", 64, 1, 4096);
		Object cell = parameters.getOrDefault("cell", "gru");
		Object bidirectional = parameters.getOrDefault("bidirectional", Boolean.TRUE);
		if (!(bidirectional instanceof Boolean)) {
			throw new UnknownArchitectureException("bidirectional must be true or false");
		}
		if (!parameters.containsKey("sourceVocabulary") || !parameters.containsKey("targetVocabulary")) {
			throw new UnknownArchitectureException("sourceVocabulary and targetVocabulary are required");
		}
		return new Seq2SeqNet(ArchitectureCatalog.intParameter(parameters, "sourceVocabulary", 0, 5, 1_000_000),
				ArchitectureCatalog.intParameter(parameters, "targetVocabulary", 0, 5, 1_000_000),
				ArchitectureCatalog.intParameter(parameters, "embedding", 32, 1, 4096), hidden,
				ArchitectureCatalog.intParameter(parameters, "attention", hidden, 1, 4096), String.valueOf(cell),
				(Boolean) bidirectional);
	}

	/**
	 * The hyperparameters as written to a descriptor.
	 * @return the hyperparameters
	 */
	public Map<String, Object> toParameters() {
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

	/**
	 * The target vocabulary size V, the width of a logit row.
	 * @return the size V
	 */
	public int targetVocabulary() {
		return this.targetVocabulary;
	}

	/**
	 * The source vocabulary size.
	 * @return the number of source ids
	 */
	public int sourceVocabulary() {
		return this.sourceVocabulary;
	}

	/**
	 * Whether the decoder carries an LSTM cell state beside its hidden state.
	 * @return {@code true} for an LSTM
	 */
	public boolean isLstm() {
		return "lstm".equals(this.cell);
	}

	/**
	 * Input shapes that initialise every parameter (one source of 2 symbols, one decoder
	 * input of 2 symbols); the parameter shapes do not depend on them.
	 * @return the source and decoder input shapes
	 */
	public Shape[] initializationShapes() {
		return new Shape[] { new Shape(1, 2), new Shape(1, 2) };
	}

	/**
	 * Runs the encoder.
	 * @param store the parameter store
	 * @param source the source ids {@code [B, Tx]}, int64, padded at the end with 0
	 * @param training whether this is a training pass
	 * @return the encoder outputs, the attention keys, the source mask and the decoder's
	 * first state
	 */
	public Encoded encode(ParameterStore store, NDArray source, boolean training) {
		NDArray mask = source.neq(PAD_ID).toType(DataType.FLOAT32, false);
		NDArray embedded = lookUp(this.sourceEmbedding, store, source, training);
		NDArray outputs = this.forwardEncoder.forward(store, new NDList(embedded), training).head();
		if (this.backwardEncoder != null) {
			// Reversing only the real symbols keeps the padding at the end, so the
			// backward RNN reads each source from its own last symbol.
			NDArray reversal = reversal(source);
			NDArray backward = this.backwardEncoder.forward(store, new NDList(reversal.batchMatMul(embedded)), training)
				.head();
			outputs = outputs.concat(reversal.batchMatMul(backward), -1);
		}
		NDArray lengths = mask.sum(new int[] { 1 }, true).maximum(1f);
		NDArray mean = outputs.mul(mask.expandDims(-1)).sum(new int[] { 1 }).div(lengths);
		NDArray first = this.bridge.forward(store, new NDList(mean), training).head().tanh();
		NDList state = new NDList(first.expandDims(0));
		if (isLstm()) {
			state.add(first.zerosLike().expandDims(0));
		}
		NDArray attentionKeys = this.keys.forward(store, new NDList(outputs), training).head();
		return new Encoded(outputs, attentionKeys, mask, state);
	}

	/**
	 * Runs the decoder one step for a batch.
	 * @param store the parameter store
	 * @param previous the previous symbol of each row {@code [B]}, int64
	 * @param state the decoder state: hidden {@code [1, B, H]} (and cell state for an
	 * LSTM)
	 * @param encoded the encoder's result for the same B rows
	 * @param training whether this is a training pass
	 * @return the logits {@code [B, V]}, the new state and the attention {@code [B, Tx]}
	 */
	public DecodedStep decodeStep(ParameterStore store, NDArray previous, NDList state, Encoded encoded,
			boolean training) {
		NDArray projected = this.query.forward(store, new NDList(state.get(0).squeeze(0)), training).head();
		NDArray energy = encoded.keys().add(projected.expandDims(1)).tanh();
		NDArray scores = this.scorer.forward(store, new NDList(energy), training).head().squeeze(-1);
		scores = scores.add(encoded.mask().sub(1f).mul(-MASKED));
		NDArray weights = scores.softmax(-1);
		NDArray context = weights.expandDims(1).batchMatMul(encoded.outputs());
		NDArray embedded = lookUp(this.targetEmbedding, store, previous.expandDims(1), training);
		NDList input = new NDList(embedded.concat(context, -1));
		input.addAll(state);
		NDList result = this.decoder.forward(store, input, training);
		NDArray features = result.get(0).concat(context, -1).concat(embedded, -1).squeeze(1);
		NDArray combined = this.combine.forward(store, new NDList(features), training).head().tanh();
		NDArray logits = this.output.forward(store, new NDList(combined), training).head();
		return new DecodedStep(logits, result.subNDList(1), weights);
	}

	/**
	 * The training pass: at each step a row is fed the true previous symbol where the
	 * teacher mask says so, otherwise its own most likely previous prediction (the first
	 * step is always fed {@code <SOS>}).
	 * @param store the parameter store
	 * @param source the source ids {@code [B, Tx]}
	 * @param decoderInput {@code <SOS>} and the target ids {@code [B, Ty]}
	 * @param teacherMask 1 where the true symbol is fed, 0 where the prediction is
	 * {@code [B, Ty]} int64, or {@code null} for full teacher forcing
	 * @param training whether this is a training pass
	 * @return the logits {@code [B, Ty, V]}
	 */
	public NDArray teacherForced(ParameterStore store, NDArray source, NDArray decoderInput, NDArray teacherMask,
			boolean training) {
		Encoded encoded = encode(store, source, training);
		NDList state = encoded.initialState();
		int steps = (int) decoderInput.getShape().get(1);
		List<NDArray> logits = new ArrayList<>(steps);
		for (int t = 0; t < steps; t++) {
			NDArray previous = decoderInput.get(new NDIndex(":, {}", t));
			if (t > 0 && teacherMask != null) {
				NDArray keep = teacherMask.get(new NDIndex(":, {}", t));
				NDArray own = logits.get(t - 1).squeeze(1).argMax(-1).toType(DataType.INT64, false);
				previous = previous.mul(keep).add(own.mul(keep.neg().add(1)));
			}
			DecodedStep step = decodeStep(store, previous, state, encoded, training);
			logits.add(step.logits().expandDims(1));
			state = step.state();
		}
		return NDArrays.concat(new NDList(logits), 1);
	}

	/**
	 * {@inheritDoc} The inputs are the source ids, the decoder input ids and optionally a
	 * teacher mask, see {@link #teacherForced}.
	 */
	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray teacherMask = (inputs.size() > 2) ? inputs.get(2) : null;
		return new NDList(teacherForced(parameterStore, inputs.get(0), inputs.get(1), teacherMask, training));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[1].get(0), inputShapes[1].get(1), this.targetVocabulary) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		long batch = inputShapes[0].get(0);
		long length = inputShapes[0].get(1);
		int encoded = this.hidden * (this.bidirectional ? 2 : 1);
		this.sourceEmbedding.initialize(manager, dataType, new Shape(batch, length));
		this.forwardEncoder.initialize(manager, dataType, new Shape(batch, length, this.embedding));
		if (this.backwardEncoder != null) {
			this.backwardEncoder.initialize(manager, dataType, new Shape(batch, length, this.embedding));
		}
		this.bridge.initialize(manager, dataType, new Shape(batch, encoded));
		this.keys.initialize(manager, dataType, new Shape(batch, length, encoded));
		this.query.initialize(manager, dataType, new Shape(batch, this.hidden));
		this.scorer.initialize(manager, dataType, new Shape(batch, length, this.attention));
		this.targetEmbedding.initialize(manager, dataType, new Shape(batch, 1));
		this.decoder.initialize(manager, dataType, new Shape(batch, 1, this.embedding + encoded));
		this.combine.initialize(manager, dataType, new Shape(batch, this.hidden + encoded + this.embedding));
		this.output.initialize(manager, dataType, new Shape(batch, this.hidden));
	}

	private Block rnn(boolean withState) {
		if (isLstm()) {
			return LSTM.builder()
				.setStateSize(this.hidden)
				.setNumLayers(1)
				.optBatchFirst(true)
				.optReturnState(withState)
				.build();
		}
		return GRU.builder()
			.setStateSize(this.hidden)
			.setNumLayers(1)
			.optBatchFirst(true)
			.optReturnState(withState)
			.build();
	}

	// The rows of an embedding table for ids of any shape. IdEmbedding's own forward
	// (gatherNd on the PyTorch engine) is not safe when predictors on several threads
	// share the table: under concurrent translations it released the table's native
	// memory. Indexing the same parameter gives the same values and gradients. The rows
	// belong to the ids' manager (the request's or the batch's): a result of the table's
	// own manager, like every array computed from it afterwards, would live as long as
	// the model (about 0.8 MB per served translation).
	private static NDArray lookUp(Block embedding, ParameterStore store, NDArray ids, boolean training) {
		NDArray table = store.getValue(embedding.getParameters().get("embedding"), ids.getDevice(), training);
		return table.get(ids.getManager(), new NDIndex("{}", ids));
	}

	// [B, Tx, Tx] permutations: row b maps position j < length to length − 1 − j and
	// keeps the padding in place; each is its own inverse.
	private static NDArray reversal(NDArray source) {
		long[] shape = source.getShape().getShape();
		int rows = (int) shape[0];
		int length = (int) shape[1];
		long[] ids = source.toLongArray();
		float[] permutation = new float[rows * length * length];
		for (int b = 0; b < rows; b++) {
			int real = 0;
			while (real < length && ids[b * length + real] != PAD_ID) {
				real++;
			}
			for (int j = 0; j < length; j++) {
				int from = (j < real) ? real - 1 - j : j;
				permutation[(b * length + j) * length + from] = 1f;
			}
		}
		return source.getManager().create(permutation, new Shape(rows, length, length));
	}

	/**
	 * The encoder's result for a batch of sources.
	 *
	 * @param outputs the encoder outputs {@code [B, Tx, H·directions]}
	 * @param keys the attention keys U_h h_j {@code [B, Tx, A]}, computed once per source
	 * @param mask 1 at real source positions, 0 at padding {@code [B, Tx]}
	 * @param initialState the decoder's first state
	 */
	public record Encoded(NDArray outputs, NDArray keys, NDArray mask, NDList initialState) {

		/**
		 * The same encoding repeated for n rows (a beam of n hypotheses of one source).
		 * @param n the rows
		 * @return the repeated encoding; the initial state is not repeated
		 */
		public Encoded repeat(int n) {
			return new Encoded(this.outputs.repeat(0, n), this.keys.repeat(0, n), this.mask.repeat(0, n),
					this.initialState);
		}

	}

	/**
	 * One decoder step for a batch.
	 *
	 * @param logits the next-symbol logits {@code [B, V]}
	 * @param state the new decoder state
	 * @param attention the attention weights {@code [B, Tx]}
	 */
	public record DecodedStep(NDArray logits, NDList state, NDArray attention) {

	}

}
