package io.modelport.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.modelport.store.Architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code face-embedder} architecture: a descriptor without {@code members} (or with
 * 1) builds the single network it always did, and an ensemble joins its members into unit
 * vectors whose squared distance is the mean of the members' squared distances.
 *
 * @author Modelport Team
 */
class FaceEmbedderNetTests {

	// Eight filters and a fixed seed: with two, a member's ReLUs could all be dead for
	// the random faces, and a zero embedding has no direction to normalise.
	private static final Map<String, Object> TINY = Map.of("filters", List.of(8), "embeddingSize", 3, "dropout", 0.0);

	private static final Shape INPUT = new Shape(2, 1, 6, 6);

	@Test
	void aSingleNetworkIsBuiltAndDescribedAsBefore() {
		FaceEmbedderNet net = FaceEmbedderNet.fromParameters(TINY);
		assertThat(net.members()).isEqualTo(1);
		assertThat(FaceEmbedderNet.fromParameters(with("members", 1))).isEqualTo(net);
		assertThat(net.toParameters()).doesNotContainKey("members");
		assertThat(net.outputSize()).isEqualTo(3);
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			Block block = ArchitectureCatalog.build(new Architecture(ArchitectureCatalog.FACE_EMBEDDER, TINY));
			assertThat(block).isInstanceOf(SequentialBlock.class);
			block.initialize(manager, DataType.FLOAT32, INPUT);
			assertThat(block.getOutputShapes(new Shape[] { INPUT })).containsExactly(new Shape(2, 3));
			Block ensemble = FaceEmbedderNet.fromParameters(with("members", 2)).build();
			ensemble.initialize(manager, DataType.FLOAT32, INPUT);
			// The ensemble's parameter file holds each member exactly as a single
			// network's.
			List<Block> members = ensemble.getChildren().values();
			assertThat(members).hasSize(2);
			assertThat(shapes(members.get(0))).isEqualTo(shapes(block)).isEqualTo(shapes(members.get(1)));
		}
	}

	@BeforeEach
	void seed() {
		Engine.getEngine("PyTorch").setRandomSeed(5);
	}

	@Test
	void joinsMembersIntoUnitVectorsWithTheMeanSquaredDistance() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			FaceEmbedderNet net = FaceEmbedderNet.fromParameters(with("members", 3));
			assertThat(net.toParameters()).containsEntry("members", 3);
			assertThat(net.outputSize()).isEqualTo(9);
			Block ensemble = net.build();
			ensemble.initialize(manager, DataType.FLOAT32, INPUT);
			NDArray faces = manager.randomUniform(0, 1, INPUT);
			ParameterStore store = new ParameterStore(manager, false);
			float[] joined = ensemble.forward(store, new NDList(faces), false).singletonOrThrow().toFloatArray();
			assertThat(joined).hasSize(2 * 9);
			float[] first = Arrays.copyOfRange(joined, 0, 9);
			float[] second = Arrays.copyOfRange(joined, 9, 18);
			// By hand: each member's raw embeddings of the two faces, normalised.
			double meanSquaredDistance = 0;
			for (Block member : ensemble.getChildren().values()) {
				float[] raw = member.forward(store, new NDList(faces), false).singletonOrThrow().toFloatArray();
				meanSquaredDistance += squaredDistance(unit(Arrays.copyOfRange(raw, 0, 3)),
						unit(Arrays.copyOfRange(raw, 3, 6))) / 3;
			}
			assertThat(norm(first)).isCloseTo(1, within(1e-5));
			assertThat(norm(second)).isCloseTo(1, within(1e-5));
			assertThat(squaredDistance(first, second)).isCloseTo(meanSquaredDistance, within(1e-5));
		}
	}

	@Test
	void flipAveragingEmbedsAFaceAndItsMirrorImageAlike() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			FaceEmbedderNet net = FaceEmbedderNet.fromParameters(with("flipAverage", true));
			assertThat(net.single()).isFalse();
			assertThat(net.member().single()).isTrue();
			assertThat(net.toParameters()).containsEntry("flipAverage", true);
			Block block = net.build();
			block.initialize(manager, DataType.FLOAT32, INPUT);
			assertThat(block.getOutputShapes(new Shape[] { INPUT })).containsExactly(new Shape(2, 3));
			NDArray faces = manager.randomUniform(0, 1, INPUT);
			ParameterStore store = new ParameterStore(manager, false);
			float[] embedded = block.forward(store, new NDList(faces), false).singletonOrThrow().toFloatArray();
			float[] mirrored = block.forward(store, new NDList(faces.flip(3)), false).singletonOrThrow().toFloatArray();
			assertThat(embedded).hasSize(6).containsExactly(mirrored, within(1e-5f));
			assertThat(norm(Arrays.copyOfRange(embedded, 0, 3))).isCloseTo(1, within(1e-5));
		}
	}

	@Test
	void standardisingMakesTheEmbeddingBlindToBrightnessAndContrast() {
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			FaceEmbedderNet net = FaceEmbedderNet.fromParameters(with("standardize", true));
			assertThat(net.single()).isTrue();
			assertThat(net.toParameters()).containsEntry("standardize", true);
			Block block = net.build();
			block.initialize(manager, DataType.FLOAT32, INPUT);
			NDArray faces = manager.randomUniform(0, 1, INPUT);
			ParameterStore store = new ParameterStore(manager, false);
			float[] embedded = block.forward(store, new NDList(faces), false).singletonOrThrow().toFloatArray();
			float[] brighter = block.forward(store, new NDList(faces.mul(1.7f).add(0.3f)), false)
				.singletonOrThrow()
				.toFloatArray();
			// Equal up to the epsilon added to the variance.
			assertThat(brighter).containsExactly(embedded, within(1e-3f));
		}
	}

	@Test
	void refusesAnEnsembleOfNoneOrTooMany() {
		assertThatExceptionOfType(UnknownArchitectureException.class)
			.isThrownBy(() -> FaceEmbedderNet.fromParameters(with("members", 0)))
			.withMessageContaining("members");
		assertThatExceptionOfType(UnknownArchitectureException.class)
			.isThrownBy(() -> FaceEmbedderNet.fromParameters(with("members", FaceEmbedderNet.MAX_MEMBERS + 1)));
	}

	private static Map<String, Object> with(String key, Object value) {
		Map<String, Object> parameters = new LinkedHashMap<>(TINY);
		parameters.put(key, value);
		return parameters;
	}

	private static List<Shape> shapes(Block block) {
		return block.getParameters()
			.stream()
			.map(Pair::getValue)
			.map(Parameter::getArray)
			.map(NDArray::getShape)
			.toList();
	}

	private static float[] unit(float[] vector) {
		double norm = norm(vector);
		float[] unit = new float[vector.length];
		for (int k = 0; k < vector.length; k++) {
			unit[k] = (float) (vector[k] / norm);
		}
		return unit;
	}

	private static double norm(float[] vector) {
		return Math.sqrt(squaredDistance(vector, new float[vector.length]));
	}

	private static double squaredDistance(float[] a, float[] b) {
		double sum = 0;
		for (int k = 0; k < a.length; k++) {
			sum += (a[k] - b[k]) * (a[k] - b[k]);
		}
		return sum;
	}

}
