package io.modelport.faces.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.SlowTest;
import io.modelport.embeddings.Embeddings;
import io.modelport.faces.FaceVerifierTaskAdapter;
import io.modelport.faces.VerificationMetrics;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;
import io.modelport.store.Task;
import io.modelport.training.ModelPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped ORL face verifier ({@code model-store/orl-faces}) keeps the serving
 * contract and its evaluation report; where the ORL faces are installed, its split is
 * rebuilt from the recorded seed and shares and its test figures are measured again from
 * the shipped parameters (nothing is trained).
 *
 * @author Modelport Team
 */
@SlowTest
class ShippedVerifierTests {

	private static final Path STORE = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void descriptorsAndReportsFollowTheServingContract() throws Exception {
		for (ModelDescriptor descriptor : shipped()) {
			followsTheServingContract(descriptor);
		}
	}

	private static void followsTheServingContract(ModelDescriptor descriptor) throws Exception {
		assertThat(descriptor.task()).isEqualTo(Task.FACE_VERIFIER);
		assertThat(descriptor.architecture().name()).isEqualTo(ArchitectureCatalog.FACE_EMBEDDER);
		assertThat(descriptor.input().channels()).isEqualTo(1);
		assertThat(descriptor.input().scale()).isEqualTo(255f);
		assertThat(descriptor.labels()).isEmpty();
		Map<String, Object> parameters = descriptor.parameters();
		assertThat(parameters).containsEntry("distance", "squared-l2")
			.containsEntry("embeddingSize",
					FaceEmbedderNet.fromParameters(descriptor.architecture().parameters()).outputSize())
			.containsKey("thresholdRule");
		assertThat(((Number) parameters.get("threshold")).doubleValue()).isBetween(0.0, 4.0);
		// An ensemble holds every member's weights (2.3 MB each for the shipped network).
		int members = FaceEmbedderNet.fromParameters(descriptor.architecture().parameters()).members();
		assertThat(Files.size(descriptor.directory().resolve(descriptor.weights().file())))
			.isLessThan(members * 3L * 1024 * 1024);
		assertThat(descriptor.directory().resolve(FaceTraining.ROC_FILE)).isRegularFile();
		Map<String, Object> evaluation = evaluation(descriptor);
		assertThat(evaluation).containsKeys("testAccuracy", "testAuc", "testEer", "testTarAtFar1", "testPairs",
				"identities", "definitions", "seed", "devShare", "testShare");
		// τ was calibrated on dev identities (version 1) or cross-validated folds
		// (version 2).
		assertThat(evaluation.keySet()).containsAnyOf("devAccuracy", "cvAccuracy");
		assertThat(evaluation.get("threshold")).isEqualTo(parameters.get("threshold"));
	}

	@Test
	void testFiguresAreMeasuredAgainFromTheShippedParameters() throws Exception {
		Path orl = OrlFacesTests.location();
		boolean required = Boolean.getBoolean("modelport.orl.required");
		Assumptions.assumeTrue(required || Files.isDirectory(orl),
				"the ORL faces are not installed at " + orl + " (set -Dmodelport.orl.location); skipping");
		FaceImages faces = FaceImages.readFolders(orl, 92 * 112);
		List<ModelDescriptor> versions = shipped();
		for (ModelDescriptor descriptor : versions) {
			measuresAsReported(descriptor, faces);
		}
	}

	// The test identities of every version are those of the classic split with its seed
	// and shares (a cross-validated run trains on the dev identities too).
	private static void measuresAsReported(ModelDescriptor descriptor, FaceImages faces) throws Exception {
		Map<String, Object> evaluation = evaluation(descriptor);
		long seed = ((Number) evaluation.get("seed")).longValue();
		FaceSettings settings = new FaceSettings(null, null, null, null, null, null,
				((Number) evaluation.get("devShare")).doubleValue(),
				((Number) evaluation.get("testShare")).doubleValue(), null, null, null, null, null)
			.withDefaults();
		IdentitySplit split = FaceTraining.split(faces, settings, seed);
		assertThat(split.test().identities()).isEqualTo(((Map<?, ?>) evaluation.get("identities")).get("testNames"));
		VerificationPairs pairs = FaceTraining.pairs(split.test(), seed, FaceTraining.TEST_PAIR_SEED_OFFSET);
		// Through the serving path: the model loaded and warmed up as the registry does,
		// each face decoded into the input spec, the raw embedding normalised in Java.
		ModelLoader loader = new ModelLoader(List.of(new FaceVerifierTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		float[][] embeddings = new float[split.test().count()][];
		try (LoadedModel model = loader.load(descriptor)) {
			for (int i = 0; i < embeddings.length; i++) {
				float[] raw = model.predict(ImagePreprocessor.toTensor(split.test().toImage(i), descriptor.input()));
				embeddings[i] = Embeddings.l2Normalize(raw);
			}
		}
		VerificationMetrics metrics = new VerificationMetrics(pairs.distances(embeddings), pairs.sameFlags());
		double threshold = ((Number) descriptor.parameters().get("threshold")).doubleValue();
		assertThat(metrics.rocAuc()).as("version %s test AUC", descriptor.version())
			.isCloseTo(number(evaluation, "testAuc"), within(1e-4));
		assertThat(metrics.accuracyAt(threshold)).as("version %s test accuracy", descriptor.version())
			.isCloseTo(number(evaluation, "testAccuracy"), within(1e-4));
	}

	// Every shipped version, oldest first.
	private static List<ModelDescriptor> shipped() {
		StoredModel stored = new ModelStore(STORE).find("orl-faces").orElseThrow();
		return stored.versions().keySet().stream().map(stored::descriptor).toList();
	}

	private static Map<String, Object> evaluation(ModelDescriptor descriptor) throws Exception {
		return json.readValue(descriptor.directory().resolve(ModelPublisher.EVALUATION_FILE).toFile(),
				new TypeReference<Map<String, Object>>() {
				});
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

}
