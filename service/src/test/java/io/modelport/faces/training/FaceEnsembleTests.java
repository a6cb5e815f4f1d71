package io.modelport.faces.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.embeddings.Embeddings;
import io.modelport.faces.FaceVerifierTaskAdapter;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.ModelPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * An ensemble assembled from separately saved members serves, through the model loader
 * and warm-up, unit embeddings whose squared distance is the mean of the members' squared
 * distances, each member loaded alone as a single network.
 *
 * @author Modelport Team
 */
class FaceEnsembleTests {

	private static final InputSpec INPUT = new InputSpec(12, 12, 1, 255f, null, null);

	private static final FaceEmbedderNet SINGLE = FaceEmbedderNet
		.fromParameters(Map.of("filters", List.of(2, 4), "embeddingSize", 3, "dropout", 0.0));

	private static final int MEMBERS = 3;

	@TempDir
	Path work;

	@Test
	void servesUnitEmbeddingsWhoseDistanceIsTheMeanOfTheMembers() throws Exception {
		List<Path> files = new ArrayList<>();
		for (int m = 0; m < MEMBERS; m++) {
			files.add(randomMember(m));
		}
		FaceEmbedderNet ensemble = SINGLE.withMembers(MEMBERS);
		Path assembled = FaceEnsemble.assemble(ensemble, files, INPUT, Device.cpu(),
				Files.createDirectories(this.work.resolve("ensemble")));
		float[][] faces = faces(4);
		ModelLoader loader = new ModelLoader(List.of(new FaceVerifierTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		float[][][] unitMembers = new float[MEMBERS][][];
		for (int m = 0; m < MEMBERS; m++) {
			try (LoadedModel member = loader.load(publish("member" + m, SINGLE, files.get(m)))) {
				unitMembers[m] = predict(member, faces, SINGLE.embeddingSize());
				for (int i = 0; i < faces.length; i++) {
					unitMembers[m][i] = Embeddings.l2Normalize(unitMembers[m][i]);
				}
			}
		}
		float[][] joined;
		try (LoadedModel model = loader.load(publish("ensemble", ensemble, assembled))) {
			joined = predict(model, faces, MEMBERS * SINGLE.embeddingSize());
		}
		for (int i = 0; i < faces.length; i++) {
			assertThat(Embeddings.norm(joined[i])).isCloseTo(1.0, within(1e-5));
			for (int m = 0; m < MEMBERS; m++) {
				for (int k = 0; k < SINGLE.embeddingSize(); k++) {
					assertThat(joined[i][m * SINGLE.embeddingSize() + k])
						.isCloseTo((float) (unitMembers[m][i][k] / Math.sqrt(MEMBERS)), within(1e-5f));
				}
			}
			for (int j = 0; j < i; j++) {
				double mean = 0;
				for (int m = 0; m < MEMBERS; m++) {
					mean += Embeddings.squaredDistance(unitMembers[m][i], unitMembers[m][j]) / MEMBERS;
				}
				assertThat(Embeddings.squaredDistance(joined[i], joined[j])).isCloseTo(mean, within(1e-5));
			}
		}
	}

	@Test
	void refusesAParameterFileCountThatDoesNotMatchTheMembers() throws Exception {
		Path file = randomMember(0);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> FaceEnsemble.assemble(SINGLE.withMembers(2), List.of(file), INPUT, Device.cpu(), this.work))
			.withMessageContaining("needs as many parameter files");
	}

	// A member with random weights and its own batch-norm statistics: distinct members
	// make a wrong copy or order visible.
	private Path randomMember(int index) throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("member-" + index));
		Engine.getEngine("PyTorch").setRandomSeed(100 + index);
		try (Model model = Model.newInstance("member", Device.cpu(), "PyTorch")) {
			model.setBlock(SINGLE.build());
			model.getBlock()
				.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, INPUT.height(), INPUT.width()));
			model.getBlock().getParameters().forEach((parameter) -> {
				if (parameter.getKey().endsWith("runningMean")) {
					parameter.getValue().getArray().addi(0.1f * (index + 1));
				}
			});
			model.setProperty("Epoch", "1");
			model.save(directory, FaceTrainer.BEST_PREFIX);
		}
		return directory.resolve(FaceTrainer.BEST_PREFIX + "-0001.params");
	}

	private ModelDescriptor publish(String name, FaceEmbedderNet net, Path parameters) throws Exception {
		ModelDescriptor template = new ModelDescriptor(name, 1, Task.FACE_VERIFIER, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.FACE_EMBEDDER, net.toParameters()),
				List.of(new Artifact("pending.params", null)), INPUT, List.of(),
				Map.of("threshold", 1.0, "distance", FaceTraining.DISTANCE, "embeddingSize", net.outputSize()),
				Map.of(), Path.of("."));
		return ModelPublisher.publish(this.work.resolve("store"), template, parameters, 1, Map.of());
	}

	private static float[][] predict(LoadedModel model, float[][] faces, int size) throws Exception {
		float[][] outputs = new float[faces.length][];
		for (int i = 0; i < faces.length; i++) {
			outputs[i] = model.predict(faces[i]);
			assertThat(outputs[i]).hasSize(size);
		}
		return outputs;
	}

	private static float[][] faces(int count) {
		Random random = new Random(5);
		float[][] faces = new float[count][INPUT.width() * INPUT.height()];
		for (float[] face : faces) {
			for (int i = 0; i < face.length; i++) {
				face[i] = random.nextFloat();
			}
		}
		return faces;
	}

}
