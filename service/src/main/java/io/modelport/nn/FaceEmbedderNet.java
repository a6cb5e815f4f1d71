package io.modelport.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The face embedding CNN of a Siamese verifier (ml-spec §4): per stage,
 * {@code convsPerStage} × (3×3 same-padded convolution, batch norm, ReLU), then 2×2 max
 * pooling; then either the flattened feature map ({@code flatten}, keeps where on the
 * face a feature is) or its global average ({@code average}, fewer parameters), dropout,
 * a linear layer of {@code embeddingSize} units without bias, and batch norm.
 * <p>
 * The block maps {@code [B, C, H, W]} to the raw embedding {@code [B, D]}: it does not
 * L2-normalise, so serving can report the raw norm; training and serving normalise
 * outside the block.
 *
 * @param filters the number of filters of each stage
 * @param convsPerStage convolutions per stage
 * @param pooling {@code flatten} or {@code average}
 * @param dropout the dropout rate before the embedding layer
 * @param embeddingSize the embedding dimension D
 * @author Modelport Team
 */
public record FaceEmbedderNet(List<Integer> filters, int convsPerStage, String pooling, double dropout,
		int embeddingSize) {

	/** The pooling choices. */
	public static final List<String> POOLINGS = List.of("flatten", "average");

	public FaceEmbedderNet {
		filters = List.copyOf(filters);
		if (!POOLINGS.contains(pooling)) {
			throw new UnknownArchitectureException("pooling must be one of " + POOLINGS + ", was " + pooling);
		}
	}

	/**
	 * Reads the hyperparameters of a descriptor or training request.
	 * @param parameters the hyperparameters
	 * @return the architecture
	 * @throws UnknownArchitectureException when a value is out of range
	 */
	public static FaceEmbedderNet fromParameters(Map<String, Object> parameters) {
		Object pooling = parameters.getOrDefault("pooling", "flatten");
		return new FaceEmbedderNet(
				ArchitectureCatalog.intListParameter(parameters, "filters", List.of(32, 64, 128), 512),
				ArchitectureCatalog.intParameter(parameters, "convsPerStage", 1, 1, 3),
				(pooling instanceof String name) ? name : String.valueOf(pooling),
				ArchitectureCatalog.doubleParameter(parameters, "dropout", 0.2, 0, 0.9),
				ArchitectureCatalog.intParameter(parameters, "embeddingSize", 64, 2, 1024));
	}

	/**
	 * The hyperparameters as written to a descriptor.
	 * @return the hyperparameters
	 */
	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("filters", this.filters);
		parameters.put("convsPerStage", this.convsPerStage);
		parameters.put("pooling", this.pooling);
		parameters.put("dropout", this.dropout);
		parameters.put("embeddingSize", this.embeddingSize);
		return parameters;
	}

	/**
	 * Builds the untrained block.
	 * @return the block
	 */
	public Block build() {
		SequentialBlock net = new SequentialBlock();
		ConvStages.add(net, this.filters, this.convsPerStage);
		if ("average".equals(this.pooling)) {
			net.add(Pool.globalAvgPool2dBlock());
		}
		net.add(Blocks.batchFlattenBlock());
		net.add(Dropout.builder().optRate((float) this.dropout).build());
		// Batch norm standardises every embedding dimension over the batch: at the start
		// random features make all faces point the same way and batch-hard mining stalls
		// on that collapsed solution; centred dimensions spread the faces out. (Its
		// shift replaces the linear layer's bias.)
		net.add(Linear.builder().setUnits(this.embeddingSize).optBias(false).build());
		net.add(BatchNorm.builder().build());
		return net;
	}

}
