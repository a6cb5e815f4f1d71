package io.modelport.seq2seq;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.modelport.nn.Seq2SeqNet;

/**
 * The block a seq2seq version serves with: one forward pass is one whole translation. It
 * encodes the input once and runs beam search over the network's decoder step, all on the
 * request's manager, and returns the hypotheses as arrays: ids {@code [A, L]} (padded
 * with −1), {@code [A, 3]} of (log-probability, score, finished) and attention
 * {@code [A, L, T]}.
 * <p>
 * Inputs: source ids {@code [T]} and the decoding settings {@code [4]} (beam width, α,
 * maximum length, alternatives). The network is a child block, so its loaded parameters
 * serve unchanged.
 *
 * @author Modelport Team
 */
final class TranslateBlock extends AbstractBlock {

	private final Seq2SeqNet network;

	TranslateBlock(Seq2SeqNet network) {
		this.network = addChildBlock("network", network);
	}

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
			PairList<String, Object> params) {
		int[] source = inputs.get(0).toIntArray();
		float[] decoding = inputs.get(1).toFloatArray();
		BeamSettings settings = new BeamSettings((int) decoding[0], decoding[1], (int) decoding[2], (int) decoding[3]);
		NDManager manager = inputs.head().getManager();
		List<Hypothesis> hypotheses = Seq2SeqDecoder.translate(this.network, parameterStore, manager, source, settings);
		int longest = hypotheses.stream().mapToInt((h) -> h.tokens().length + (h.finished() ? 1 : 0)).max().orElse(0);
		int length = Math.max(1, longest);
		int[] ids = new int[hypotheses.size() * length];
		float[] scores = new float[hypotheses.size() * 3];
		float[] attention = new float[hypotheses.size() * length * source.length];
		java.util.Arrays.fill(ids, -1);
		for (int a = 0; a < hypotheses.size(); a++) {
			Hypothesis hypothesis = hypotheses.get(a);
			System.arraycopy(hypothesis.tokens(), 0, ids, a * length, hypothesis.tokens().length);
			scores[a * 3] = (float) hypothesis.logProbability();
			scores[a * 3 + 1] = (float) hypothesis.score();
			scores[a * 3 + 2] = hypothesis.finished() ? 1 : 0;
			for (int step = 0; step < hypothesis.attention().size(); step++) {
				float[] row = hypothesis.attention().get(step);
				System.arraycopy(row, 0, attention, (a * length + step) * source.length,
						Math.min(row.length, source.length));
			}
		}
		NDArray idArray = manager.create(ids, new Shape(hypotheses.size(), length));
		NDArray scoreArray = manager.create(scores, new Shape(hypotheses.size(), 3));
		NDArray attentionArray = manager.create(attention, new Shape(hypotheses.size(), length, source.length));
		return new NDList(idArray, scoreArray, attentionArray);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(-1, -1), new Shape(-1, 3), new Shape(-1, -1, inputShapes[0].get(0)) };
	}

}
