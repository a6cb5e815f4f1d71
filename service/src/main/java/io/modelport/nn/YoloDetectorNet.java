package io.modelport.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * A small single-scale YOLO detector (docs/ml-notes.md, "Detection"): a CNN backbone of
 * 3×3 convolutions with batch norm and leaky ReLU, each stage halving the resolution with
 * 2×2 max pooling, then a 3×3 convolution and a 1×1 convolution head. For an input of
 * side {@code n} and {@code k} stages the output is {@code [batch, A·(5+C), S, S]} with
 * {@code S = n / 2^k}: for every cell and anchor the raw values {@code [t_o, t_x, t_y,
 * t_h, t_w, c_1..c_C]}, in the notes' order. The decoder applies σ, exp and softmax.
 *
 * @param filters the filters of each backbone stage
 * @param headFilters the filters of the 3×3 convolution before the head
 * @param anchors the number of anchor boxes per cell
 * @param classes the number of classes
 * @author Modelport Team
 */
public record YoloDetectorNet(List<Integer> filters, int headFilters, int anchors, int classes) {

	public YoloDetectorNet {
		filters = List.copyOf(filters);
	}

	/**
	 * Reads the hyperparameters of a descriptor or training request.
	 * @param parameters the hyperparameters
	 * @return the architecture
	 * @throws UnknownArchitectureException when a value is out of range
	 */
	public static YoloDetectorNet fromParameters(Map<String, Object> parameters) {
		return new YoloDetectorNet(
				ArchitectureCatalog.intListParameter(parameters, "filters", List.of(16, 32, 64, 128), 512),
				ArchitectureCatalog.intParameter(parameters, "headFilters", 128, 1, 1024),
				ArchitectureCatalog.intParameter(parameters, "anchors", 3, 1, 9),
				ArchitectureCatalog.intParameter(parameters, "classes", 10, 1, 1000));
	}

	/**
	 * The hyperparameters as written to a descriptor.
	 * @return the hyperparameters
	 */
	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("filters", this.filters);
		parameters.put("headFilters", this.headFilters);
		parameters.put("anchors", this.anchors);
		parameters.put("classes", this.classes);
		return parameters;
	}

	/**
	 * The grid side for an input side.
	 * @param inputSize the input width (= height)
	 * @return the number of cells per side
	 */
	public int gridSize(int inputSize) {
		return inputSize >> this.filters.size();
	}

	/**
	 * Builds the untrained block.
	 * @return the block
	 */
	public Block build() {
		SequentialBlock net = new SequentialBlock();
		for (int stageFilters : this.filters) {
			addConv(net, stageFilters);
			net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
		}
		addConv(net, this.headFilters);
		net.add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(this.anchors * (5 + this.classes)).build());
		return net;
	}

	private static void addConv(SequentialBlock net, int filters) {
		net.add(Conv2d.builder()
			.setKernelShape(new Shape(3, 3))
			.optPadding(new Shape(1, 1))
			.setFilters(filters)
			.build());
		net.add(BatchNorm.builder().build());
		net.add(Activation.leakyReluBlock(0.1f));
	}

}
