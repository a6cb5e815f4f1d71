package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The {@link Seq2SeqNet} encoder's result for a batch of sources.
 *
 * @param outputs the encoder outputs {@code [B, Tx, H·directions]}
 * @param keys the attention keys U_h h_j {@code [B, Tx, A]}, computed once per source
 * @param mask 1 at real source positions, 0 at padding {@code [B, Tx]}
 * @param initialState the decoder's first state
 * @author Modelport Team
 */
public record EncodedSource(NDArray outputs, NDArray keys, NDArray mask, NDList initialState) {

	/**
	 * The same encoding repeated for n rows (a beam of n hypotheses of one source).
	 * @param n the rows
	 * @return the repeated encoding; the initial state is not repeated
	 */
	public EncodedSource repeat(int n) {
		return new EncodedSource(this.outputs.repeat(0, n), this.keys.repeat(0, n), this.mask.repeat(0, n),
				this.initialState);
	}

}
