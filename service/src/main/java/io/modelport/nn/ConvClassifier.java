package io.modelport.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * A plain CNN classifier (docs/ml-notes.md, "Classification"): per stage,
 * {@code convsPerStage} × (3×3 same-padded convolution, batch norm, ReLU), then 2×2 max
 * pooling; then a dense ReLU layer with dropout and a linear layer with one logit per
 * class. Batch norm and dropout behave as in training only when the block is run in
 * training mode, so serving gets the running statistics and no dropout.
 *
 * @param filters the number of filters of each stage
 * @param convsPerStage convolutions per stage
 * @param dense the units of the hidden dense layer
 * @param dropout the dropout rate before the output layer
 * @param classes the number of classes
 * @author Modelport Team
 */
public record ConvClassifier(List<Integer> filters, int convsPerStage, int dense, double dropout, int classes) {

	public ConvClassifier {
		filters = List.copyOf(filters);
	}

	/**
	 * Reads the hyperparameters of a descriptor or training request.
	 * @param parameters the hyperparameters
	 * @return the architecture
	 * @throws UnknownArchitectureException when a value is out of range
	 */
	public static ConvClassifier fromParameters(Map<String, Object> parameters) {
		return new ConvClassifier(ArchitectureCatalog.intListParameter(parameters, "filters", List.of(32, 64), 512),
				ArchitectureCatalog.intParameter(parameters, "convsPerStage", 1, 1, 3),
				ArchitectureCatalog.intParameter(parameters, "dense", 128, 1, 4096),
				ArchitectureCatalog.doubleParameter(parameters, "dropout", 0.3, 0, 0.9),
				ArchitectureCatalog.intParameter(parameters, "classes", 10, 2, 10_000));
	}

	/**
	 * The hyperparameters as written to a descriptor.
	 * @return the hyperparameters
	 */
	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("filters", this.filters);
		parameters.put("convsPerStage", this.convsPerStage);
		parameters.put("dense", this.dense);
		parameters.put("dropout", this.dropout);
		parameters.put("classes", this.classes);
		return parameters;
	}

	/**
	 * Builds the untrained block.
	 * @return the block
	 */
	public Block build() {
		SequentialBlock net = new SequentialBlock();
		ConvStages.add(net, this.filters, this.convsPerStage);
		net.add(Blocks.batchFlattenBlock());
		net.add(Linear.builder().setUnits(this.dense).build());
		net.add(Activation.reluBlock());
		net.add(Dropout.builder().optRate((float) this.dropout).build());
		net.add(Linear.builder().setUnits(this.classes).build());
		return net;
	}

}
