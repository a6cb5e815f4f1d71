package io.modelport.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The convolutional trunk the classifier and the face embedder share (docs/ml-notes.md,
 * "Classification"): per stage, {@code convsPerStage} × (3×3 same-padded convolution,
 * batch norm, ReLU), then 2×2 max pooling. Blocks are added to the caller's sequence in
 * that order, which also names their parameters in saved files.
 *
 * @author Modelport Team
 */
final class ConvStages {

	private ConvStages() {
	}

	/**
	 * Appends the stages.
	 * @param net the sequence to append to
	 * @param filters the number of filters of each stage
	 * @param convsPerStage convolutions per stage
	 */
	static void add(SequentialBlock net, List<Integer> filters, int convsPerStage) {
		for (int stageFilters : filters) {
			for (int i = 0; i < convsPerStage; i++) {
				net.add(Conv2d.builder()
					.setKernelShape(new Shape(3, 3))
					.optPadding(new Shape(1, 1))
					.setFilters(stageFilters)
					.build());
				net.add(BatchNorm.builder().build());
				net.add(Activation.reluBlock());
			}
			net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
		}
	}

}
