package io.modelport.nn;

import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
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
	public static final List<String> CELLS = Seq2SeqArchitecture.CELLS;

	private static final byte VERSION = 1;

	// A large negative score gives padded positions an attention weight of 0.
	private static final float MASKED = -1e9f;

	private final Seq2SeqArchitecture architecture;

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
		this(new Seq2SeqArchitecture(sourceVocabulary, targetVocabulary, embedding, hidden, attention, cell,
				bidirectional));
	}

	private Seq2SeqNet(Seq2SeqArchitecture architecture) {
		super(VERSION);
		this.architecture = architecture;
		int hidden = architecture.hidden();
		int attention = architecture.attention();
		this.sourceEmbedding = addChildBlock("sourceEmbedding",
				new IdEmbedding.Builder().setDictionarySize(architecture.sourceVocabulary())
					.setEmbeddingSize(architecture.embedding())
					.build());
		this.forwardEncoder = addChildBlock("forwardEncoder", rnn(false));
		this.backwardEncoder = architecture.bidirectional() ? addChildBlock("backwardEncoder", rnn(false)) : null;
		this.bridge = addChildBlock("bridge", Linear.builder().setUnits(hidden).build());
		this.keys = addChildBlock("keys", Linear.builder().setUnits(attention).optBias(false).build());
		this.query = addChildBlock("query", Linear.builder().setUnits(attention).build());
		this.scorer = addChildBlock("scorer", Linear.builder().setUnits(1).optBias(false).build());
		this.targetEmbedding = addChildBlock("targetEmbedding",
				new IdEmbedding.Builder().setDictionarySize(architecture.targetVocabulary())
					.setEmbeddingSize(architecture.embedding())
					.build());
		this.decoder = addChildBlock("decoder", rnn(true));
		this.combine = addChildBlock("combine", Linear.builder().setUnits(hidden).build());
		this.output = addChildBlock("output", Linear.builder().setUnits(architecture.targetVocabulary()).build());
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
		return new Seq2SeqNet(Seq2SeqArchitecture.fromParameters(parameters));
	}

	/**
	 * The hyperparameters as written to a descriptor.
	 * @return the hyperparameters
	 */
	public Map<String, Object> toParameters() {
		return this.architecture.toParameters();
	}

	/**
	 * The target vocabulary size V, the width of a logit row.
	 * @return the size V
	 */
	public int targetVocabulary() {
		return this.architecture.targetVocabulary();
	}

	/**
	 * The source vocabulary size.
	 * @return the number of source ids
	 */
	public int sourceVocabulary() {
		return this.architecture.sourceVocabulary();
	}

	/**
	 * Whether the decoder carries an LSTM cell state beside its hidden state.
	 * @return {@code true} for an LSTM
	 */
	public boolean isLstm() {
		return this.architecture.isLstm();
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
	public EncodedSource encode(ParameterStore store, NDArray source, boolean training) {
		NDArray mask = source.neq(Seq2SeqLayers.PAD_ID).toType(DataType.FLOAT32, false);
		NDArray embedded = Seq2SeqLayers.lookUp(this.sourceEmbedding, store, source, training);
		NDArray outputs = this.forwardEncoder.forward(store, new NDList(embedded), training).head();
		if (this.backwardEncoder != null) {
			// Reversing only the real symbols keeps the padding at the end, so the
			// backward RNN reads each source from its own last symbol.
			NDArray reversal = Seq2SeqLayers.reversal(source);
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
		return new EncodedSource(outputs, attentionKeys, mask, state);
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
	public DecodedStep decodeStep(ParameterStore store, NDArray previous, NDList state, EncodedSource encoded,
			boolean training) {
		NDArray projected = this.query.forward(store, new NDList(state.get(0).squeeze(0)), training).head();
		NDArray energy = encoded.keys().add(projected.expandDims(1)).tanh();
		NDArray scores = this.scorer.forward(store, new NDList(energy), training).head().squeeze(-1);
		scores = scores.add(encoded.mask().sub(1f).mul(-MASKED));
		NDArray weights = scores.softmax(-1);
		NDArray context = weights.expandDims(1).batchMatMul(encoded.outputs());
		NDArray embedded = Seq2SeqLayers.lookUp(this.targetEmbedding, store, previous.expandDims(1), training);
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
		return TeacherForcing.run(this, store, source, decoderInput, teacherMask, training);
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
		return new Shape[] {
				new Shape(inputShapes[1].get(0), inputShapes[1].get(1), this.architecture.targetVocabulary()) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		long batch = inputShapes[0].get(0);
		long length = inputShapes[0].get(1);
		int encoded = this.architecture.encoded();
		int embedding = this.architecture.embedding();
		int hidden = this.architecture.hidden();
		this.sourceEmbedding.initialize(manager, dataType, new Shape(batch, length));
		this.forwardEncoder.initialize(manager, dataType, new Shape(batch, length, embedding));
		if (this.backwardEncoder != null) {
			this.backwardEncoder.initialize(manager, dataType, new Shape(batch, length, embedding));
		}
		this.bridge.initialize(manager, dataType, new Shape(batch, encoded));
		this.keys.initialize(manager, dataType, new Shape(batch, length, encoded));
		this.query.initialize(manager, dataType, new Shape(batch, hidden));
		this.scorer.initialize(manager, dataType, new Shape(batch, length, this.architecture.attention()));
		this.targetEmbedding.initialize(manager, dataType, new Shape(batch, 1));
		this.decoder.initialize(manager, dataType, new Shape(batch, 1, embedding + encoded));
		this.combine.initialize(manager, dataType, new Shape(batch, hidden + encoded + embedding));
		this.output.initialize(manager, dataType, new Shape(batch, hidden));
	}

	private Block rnn(boolean withState) {
		return Seq2SeqLayers.rnn(isLstm(), this.architecture.hidden(), withState);
	}

}
