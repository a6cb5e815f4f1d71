package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;

/**
 * The building blocks {@link Seq2SeqNet} is made of: its recurrent layers, the lookup of
 * embedding rows and the per-row reversal of padded sources.
 *
 * @author Modelport Team
 */
final class Seq2SeqLayers {

	/** The id that pads sources at the end. */
	static final int PAD_ID = 0;

	private Seq2SeqLayers() {
	}

	static Block rnn(boolean lstm, int hidden, boolean withState) {
		if (lstm) {
			return LSTM.builder()
				.setStateSize(hidden)
				.setNumLayers(1)
				.optBatchFirst(true)
				.optReturnState(withState)
				.build();
		}
		return GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(withState).build();
	}

	// The rows of an embedding table for ids of any shape. IdEmbedding's own forward
	// (gatherNd on the PyTorch engine) is not safe when predictors on several threads
	// share the table: under concurrent translations it released the table's native
	// memory. Indexing the same parameter gives the same values and gradients. The rows
	// belong to the ids' manager (the request's or the batch's): a result of the table's
	// own manager, like every array computed from it afterwards, would live as long as
	// the model (about 0.8 MB per served translation).
	static NDArray lookUp(Block embedding, ParameterStore store, NDArray ids, boolean training) {
		NDArray table = store.getValue(embedding.getParameters().get("embedding"), ids.getDevice(), training);
		return table.get(ids.getManager(), new NDIndex("{}", ids));
	}

	// [B, Tx, Tx] permutations: row b maps position j < length to length − 1 − j and
	// keeps the padding in place; each is its own inverse.
	static NDArray reversal(NDArray source) {
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

}
