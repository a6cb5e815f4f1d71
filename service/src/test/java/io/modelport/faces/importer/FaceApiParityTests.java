package io.modelport.faces.importer;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.nn.FaceLandmarkNet;
import io.modelport.nn.FaceRecognitionResNet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped face-api version reproduces what the package's own TF.js networks answer
 * (fixture recorded by src/test/resources/face-api/reference.mjs) to within 1e-3.
 */
class FaceApiParityTests {

	static final Path SHIPPED = Path.of("..", "model-store", "face-api", "1");

	private static Model model;

	private static JsonNode fixture;

	@BeforeAll
	static void load() throws Exception {
		model = Model.newInstance("face-api", Device.cpu(), "PyTorch");
		model.setBlock(new FaceRecognitionResNet());
		model.load(SHIPPED, "face-api", Map.of("epoch", "0"));
		try (InputStream in = FaceApiParityTests.class.getResourceAsStream("/face-api/fixture.json")) {
			fixture = new ObjectMapper().readTree(in);
		}
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/**
	 * The synthetic input reference.mjs feeds: integers 0-255, height × width × RGB.
	 * @param size the side
	 * @param seed the pattern's seed
	 * @return the R, G, B planes
	 */
	static float[][] pattern(int size, int seed) {
		float[][] planes = new float[3][size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				for (int c = 0; c < 3; c++) {
					planes[c][y * size + x] = ((x * (3 + seed)) + (y * (5 + c)) + ((x * y) >> 4) + (seed * 41)) & 255;
				}
			}
		}
		return planes;
	}

	@Test
	void recognitionNetworkMatchesTfjs() {
		List<Integer> seeds = seeds();
		for (int s = 0; s < seeds.size(); s++) {
			float[][] planes = pattern(FaceRecognitionResNet.SIZE, seeds.get(s));
			int size = FaceRecognitionResNet.SIZE * FaceRecognitionResNet.SIZE;
			float[] input = new float[3 * size];
			for (int c = 0; c < 3; c++) {
				for (int i = 0; i < size; i++) {
					input[c * size + i] = (planes[c][i] - FaceRecognitionResNet.MEAN_RGB[c]) / 255f;
				}
			}
			float[] descriptor;
			try (NDManager scope = model.getNDManager().newSubManager()) {
				NDList out = model.getBlock()
					.forward(new ParameterStore(scope, false),
							new NDList(scope.create(input, new ai.djl.ndarray.types.Shape(1, 3,
									FaceRecognitionResNet.SIZE, FaceRecognitionResNet.SIZE))),
							false);
				descriptor = out.singletonOrThrow().toFloatArray();
			}
			assertClose(descriptor, fixture.get("descriptors").get(s), 1);
		}
	}

	@Test
	void landmarkNetworkMatchesTfjs() throws Exception {
		FaceLandmarker landmarker = FaceLandmarker.load(model.getNDManager(), SHIPPED.resolve(FaceApiImport.LANDMARKS));
		List<Integer> seeds = seeds();
		for (int s = 0; s < seeds.size(); s++) {
			int side = FaceLandmarkNet.SIZE;
			float[] points = landmarker.locate(pattern(side, seeds.get(s)), side, side, 0, 0, side);
			assertClose(points, fixture.get("landmarks").get(s), side);
		}
	}

	private static List<Integer> seeds() {
		List<Integer> seeds = new java.util.ArrayList<>();
		fixture.get("seeds").forEach((n) -> seeds.add(n.asInt()));
		assertThat(seeds).isNotEmpty();
		return seeds;
	}

	private static void assertClose(float[] actual, JsonNode expected, float scale) {
		assertThat(actual).hasSize(expected.size());
		double worst = 0;
		for (int i = 0; i < actual.length; i++) {
			worst = Math.max(worst, Math.abs(actual[i] / scale - expected.get(i).asDouble()));
		}
		System.out.println("largest difference from TF.js: " + worst);
		assertThat(worst).isLessThanOrEqualTo(1e-3);
	}

}
