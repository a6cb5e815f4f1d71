package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.modelport.nn.DecodedStep;
import io.modelport.nn.EncodedSource;
import io.modelport.nn.Seq2SeqNet;

/**
 * The decoder steps of a {@link Seq2SeqNet} for one source, for {@link BeamSearch}: the
 * encoder runs once when the decoder is created; each step stacks the hypotheses' states
 * into one batch, attends over the (repeated) encoder outputs and returns log-softmax
 * rows. A hypothesis state is an {@link NDList} of the decoder's hidden state {@code [H]}
 * (and an LSTM's cell state). Every array lives on the given manager (one per request),
 * in inference mode.
 *
 * @author Modelport Team
 */
public final class Seq2SeqDecoder implements DecoderSteps<NDList> {

	private final Seq2SeqNet net;

	private final ParameterStore store;

	private final NDManager manager;

	private final EncodedSource encoded;

	private EncodedSource repeated;

	/**
	 * Encodes a source.
	 * @param net the network
	 * @param store the parameter store (for example {@code new ParameterStore(manager,
	 * false)})
	 * @param manager the manager every array is created on
	 * @param sourceIds the source ids, without padding, at least one
	 */
	public Seq2SeqDecoder(Seq2SeqNet net, ParameterStore store, NDManager manager, int[] sourceIds) {
		if (sourceIds.length == 0) {
			throw new IllegalArgumentException("the source is empty");
		}
		this.net = net;
		this.store = store;
		this.manager = manager;
		long[] ids = new long[sourceIds.length];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = sourceIds[i];
		}
		NDArray source = manager.create(ids, new Shape(1, ids.length));
		this.encoded = net.encode(store, source, false);
		this.repeated = this.encoded;
	}

	/**
	 * Decodes a source with beam search (greedy at B = 1).
	 * @param net the network
	 * @param store the parameter store
	 * @param manager the manager every array is created on
	 * @param sourceIds the source ids, without padding
	 * @param settings the beam settings
	 * @return the best hypotheses, best first
	 */
	public static List<Hypothesis> translate(Seq2SeqNet net, ParameterStore store, NDManager manager, int[] sourceIds,
			BeamSettings settings) {
		Seq2SeqDecoder decoder = new Seq2SeqDecoder(net, store, manager, sourceIds);
		return BeamSearch.search(decoder, decoder.initialState(), settings);
	}

	/**
	 * The decoder's first state, before {@code <SOS>}.
	 * @return the state
	 */
	public NDList initialState() {
		NDList state = new NDList();
		for (NDArray part : this.encoded.initialState()) {
			state.add(part.reshape(-1));
		}
		return state;
	}

	@Override
	public Step<NDList> step(List<NDList> states, int[] previous) {
		int n = states.size();
		if (this.repeated.outputs().getShape().get(0) != n) {
			this.repeated = this.encoded.repeat(n);
		}
		NDList batched = new NDList();
		for (int part = 0; part < states.get(0).size(); part++) {
			NDList rows = new NDList(n);
			for (NDList state : states) {
				rows.add(state.get(part));
			}
			batched.add(NDArrays.stack(rows).expandDims(0));
		}
		long[] tokens = new long[n];
		for (int i = 0; i < n; i++) {
			tokens[i] = previous[i];
		}
		NDArray input = this.manager.create(tokens).toType(DataType.INT64, false);
		DecodedStep step = this.net.decodeStep(this.store, input, batched, this.repeated, false);
		float[][] logProbabilities = rows(step.logits().logSoftmax(-1));
		float[][] attention = rows(step.attention());
		List<NDList> next = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			NDList state = new NDList();
			for (NDArray part : step.state()) {
				state.add(part.get(0).get(i));
			}
			next.add(state);
		}
		return new Step<>(logProbabilities, next, attention);
	}

	private static float[][] rows(NDArray matrix) {
		int count = (int) matrix.getShape().get(0);
		int width = (int) matrix.getShape().get(1);
		float[] values = matrix.toFloatArray();
		float[][] rows = new float[count][width];
		for (int i = 0; i < count; i++) {
			System.arraycopy(values, i * width, rows[i], 0, width);
		}
		return rows;
	}

}
