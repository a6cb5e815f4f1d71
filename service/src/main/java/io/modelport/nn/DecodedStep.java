package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One {@link Seq2SeqNet} decoder step for a batch.
 *
 * @param logits the next-symbol logits {@code [B, V]}
 * @param state the new decoder state
 * @param attention the attention weights {@code [B, Tx]}
 * @author Modelport Team
 */
public record DecodedStep(NDArray logits, NDList state, NDArray attention) {

}
