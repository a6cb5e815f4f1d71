package io.modelport.nn;

import java.util.List;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Runs N embedding networks on the same faces and joins their embeddings into one unit
 * vector: each member's embedding is L2-normalised, the N are concatenated and divided by
 * √N, so the squared distance of two joined vectors is the mean of the members' squared
 * distances. With flip averaging each member embeds the face and its mirror image, and
 * its embedding is the normalised sum of the two unit embeddings.
 * <p>
 * The block adds no parameters: its parameter file is its members' files one after
 * another.
 *
 * @author Modelport Team
 */
final class FaceEnsembleBlock extends ParallelBlock {

	// Guards the normalisation of an all-zero output (and of the zero arrays DJL feeds
	// the join to infer output shapes) against a division by zero.
	private static final float EPSILON = 1e-12f;

	private final boolean flipAverage;

	private final int embeddingSize;

	FaceEnsembleBlock(List<Block> members, int embeddingSize, boolean flipAverage) {
		super(join(members.size(), flipAverage), members);
		this.flipAverage = flipAverage;
		this.embeddingSize = embeddingSize;
	}

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
			PairList<String, Object> params) {
		if (!this.flipAverage) {
			return super.forwardInternal(parameterStore, inputs, training, params);
		}
		// The mirror images ride in the same batch, after the faces; the join folds
		// them back.
		NDArray faces = inputs.singletonOrThrow();
		NDArray both = faces.concat(faces.flip(3), 0);
		return super.forwardInternal(parameterStore, new NDList(both), training, params);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), (long) getChildren().size() * this.embeddingSize) };
	}

	private static Function<List<NDList>, NDList> join(int members, boolean flipAverage) {
		return (outputs) -> {
			NDList units = new NDList(outputs.size());
			for (NDList output : outputs) {
				NDArray unit = unit(output.singletonOrThrow());
				if (flipAverage) {
					long faces = unit.getShape().get(0) / 2;
					unit = unit(unit.get("0:" + faces).add(unit.get(faces + ":")));
				}
				units.add(unit);
			}
			return new NDList(NDArrays.concat(units, 1).div(Math.sqrt(members)));
		};
	}

	private static NDArray unit(NDArray embeddings) {
		return embeddings.div(embeddings.square().sum(new int[] { 1 }, true).sqrt().maximum(EPSILON));
	}

}
