package io.modelport.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The face embedding CNN of a Siamese verifier (docs/ml-notes.md, "Face verification"):
 * per stage, {@code convsPerStage} × (3×3 same-padded convolution, batch norm, ReLU),
 * then 2×2 max pooling; then either the flattened feature map ({@code flatten}, keeps
 * where on the face a feature is) or its global average ({@code average}, fewer
 * parameters), dropout, a linear layer of {@code embeddingSize} units without bias, and
 * batch norm.
 * <p>
 * The block maps {@code [B, C, H, W]} to the raw embedding {@code [B, D]}: it does not
 * L2-normalise, so serving can report the raw norm; training and serving normalise
 * outside the block.
 * <p>
 * With {@code members} N above 1 (or {@code flipAverage}) the block is a
 * {@link FaceEnsembleBlock} of N such networks (trained separately, with different
 * seeds): it runs all of them on the same input, L2-normalises each member's embedding,
 * concatenates them and divides by √N. The result is a unit vector of N × D values whose
 * squared distance to another is the mean of the members' squared distances, so the
 * serving path (normalise, squared L2, one τ) is unchanged; its raw norm is always 1. The
 * DJL parameter file holds the members one after another. Without these two parameters
 * (or with their defaults) a descriptor builds the single network it always did.
 *
 * @param filters the number of filters of each stage
 * @param convsPerStage convolutions per stage
 * @param pooling {@code flatten} or {@code average}
 * @param dropout the dropout rate before the embedding layer
 * @param embeddingSize the embedding dimension D of one member
 * @param members the networks of the ensemble, 1 for a single network
 * @param flipAverage whether each member also embeds the mirror image of the face and
 * averages the two unit embeddings (test-time flip averaging; it adds no parameters, so
 * an ensemble's file loads with it on or off, but a single network with it becomes an
 * ensemble of one, whose file the trainer assembles); off by default
 * @param standardize whether each face is first standardised to mean 0 and variance 1
 * over its own pixels, inside the block, so the embedding does not see overall brightness
 * and contrast; off by default
 * @author Modelport Team
 */
public record FaceEmbedderNet(List<Integer> filters, int convsPerStage, String pooling, double dropout,
		int embeddingSize, int members, boolean flipAverage, boolean standardize) {

	/** The pooling choices. */
	public static final List<String> POOLINGS = List.of("flatten", "average");

	/** The most members an ensemble may have. */
	public static final int MAX_MEMBERS = 10;

	public FaceEmbedderNet {
		filters = List.copyOf(filters);
		if (!POOLINGS.contains(pooling)) {
			throw new UnknownArchitectureException("pooling must be one of " + POOLINGS + ", was " + pooling);
		}
		if (members < 1 || members > MAX_MEMBERS) {
			throw new UnknownArchitectureException("members must be an integer in [1, " + MAX_MEMBERS + "]");
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
				ArchitectureCatalog.intParameter(parameters, "embeddingSize", 64, 2, 1024),
				ArchitectureCatalog.intParameter(parameters, "members", 1, 1, MAX_MEMBERS),
				ArchitectureCatalog.booleanParameter(parameters, "flipAverage", false),
				ArchitectureCatalog.booleanParameter(parameters, "standardize", false));
	}

	/**
	 * The same network with another number of members.
	 * @param count the members
	 * @return the architecture
	 */
	public FaceEmbedderNet withMembers(int count) {
		return new FaceEmbedderNet(this.filters, this.convsPerStage, this.pooling, this.dropout, this.embeddingSize,
				count, this.flipAverage, this.standardize);
	}

	/**
	 * One member as it is trained: a single network without flip averaging.
	 * @return the architecture
	 */
	public FaceEmbedderNet member() {
		return new FaceEmbedderNet(this.filters, this.convsPerStage, this.pooling, this.dropout, this.embeddingSize, 1,
				false, this.standardize);
	}

	/**
	 * Whether the block is one plain network, as opposed to a {@link FaceEnsembleBlock}
	 * (several members, or flip averaging).
	 * @return whether {@link #build()} gives the network itself
	 */
	public boolean single() {
		return this.members == 1 && !this.flipAverage;
	}

	/**
	 * The size of the block's output: the members' embeddings side by side.
	 * @return members × embedding size
	 */
	public int outputSize() {
		return this.members * this.embeddingSize;
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
		// A single network's parameters stay as they were before ensembles existed.
		if (this.members > 1) {
			parameters.put("members", this.members);
		}
		if (this.flipAverage) {
			parameters.put("flipAverage", true);
		}
		if (this.standardize) {
			parameters.put("standardize", true);
		}
		return parameters;
	}

	/**
	 * Builds the untrained block: one network, or the ensemble of {@code members}.
	 * @return the block
	 */
	public Block build() {
		if (single()) {
			return network();
		}
		List<Block> networks = new ArrayList<>();
		for (int i = 0; i < this.members; i++) {
			networks.add(network());
		}
		return new FaceEnsembleBlock(networks, this.embeddingSize, this.flipAverage);
	}

	// Per face over channels, rows and columns (flattened: the engine reduces one axis
	// at a time); the epsilon keeps a flat image finite.
	private static NDList standardizeFaces(NDList inputs) {
		NDArray faces = inputs.singletonOrThrow();
		Shape shape = faces.getShape();
		NDArray flat = faces.reshape(shape.get(0), -1);
		NDArray centred = flat.sub(flat.mean(new int[] { 1 }, true));
		NDArray deviation = centred.square().mean(new int[] { 1 }, true).add(1e-5f).sqrt();
		return new NDList(centred.div(deviation).reshape(shape));
	}

	private Block network() {
		SequentialBlock net = new SequentialBlock();
		if (this.standardize) {
			net.add(new LambdaBlock(FaceEmbedderNet::standardizeFaces, "standardize"));
		}
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
