package io.modelport.words;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The engine side of a nearest-neighbour search: {@code [B, D]} unit queries times the
 * transposed {@code [V, D]} unit matrix gives every cosine in one product; the top
 * candidates of each row come back as {@code (scores [B, C], rows [B, C])}. The matrix
 * belongs to the model's manager and is freed with the model.
 *
 * @author Modelport Team
 */
final class CosineTopK extends AbstractBlock {

	private final NDArray unitColumns;

	private final int candidates;

	/**
	 * A block over a unit matrix.
	 * @param manager the model's manager, which owns the matrix
	 * @param vectors the vectors to search
	 * @param candidates how many rows each query returns (at most V)
	 */
	CosineTopK(NDManager manager, WordVectors vectors, int candidates) {
		int rows = vectors.vocabulary().size();
		// Transposed once here: an array derived from the matrix at request time would
		// belong to the model's manager and live as long as the model.
		this.unitColumns = manager.create(vectors.unitMatrix(), new Shape(rows, vectors.dimension())).transpose();
		this.candidates = Math.min(candidates, rows);
	}

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray scores = inputs.singletonOrThrow().matMul(this.unitColumns);
		return scores.topK(this.candidates, 1, true, true);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape out = new Shape(inputShapes[0].get(0), this.candidates);
		return new Shape[] { out, out };
	}

}
