package io.modelport.faces.detection;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.modelport.faces.importer.FaceApiImport;
import io.modelport.nn.TinyFaceDetectorNet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped detector reproduces face-api's own TF.js tiny face detector (fixture
 * recorded by src/test/resources/face-api/detector-reference.mjs): the raw grid within
 * 1e-3, and the detections of a non-square input (padding, resizing, decoding and
 * suppression in Java) box for box.
 */
class TinyFaceDetectorParityTests {

	static final Path SHIPPED = Path.of("..", "model-store", "face-api", "2");

	private static Model model;

	private static TinyFaceDetector detector;

	private static JsonNode fixture;

	@BeforeAll
	static void load() throws Exception {
		model = Model.newInstance("detector", Device.cpu(), "PyTorch");
		detector = TinyFaceDetector.load(model.getNDManager(), SHIPPED.resolve(FaceApiImport.DETECTOR));
		try (InputStream in = TinyFaceDetectorParityTests.class
			.getResourceAsStream("/face-api/detector-fixture.json")) {
			fixture = new ObjectMapper().readTree(in);
		}
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/**
	 * The synthetic input detector-reference.mjs feeds: integers 0-255.
	 * @param w the width
	 * @param h the height
	 * @param seed the pattern's seed
	 * @return the R, G, B planes
	 */
	static float[][] pattern(int w, int h, int seed) {
		float[][] planes = new float[3][w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				for (int c = 0; c < 3; c++) {
					planes[c][y * w + x] = ((x * (7 + seed + c)) ^ (y * (3 + 2 * seed))) & 255;
				}
			}
		}
		return planes;
	}

	@Test
	void theNetworkMatchesTfjs() {
		JsonNode raw = fixture.get("raw");
		int size = raw.get("size").asInt();
		for (int s = 0; s < raw.get("seeds").size(); s++) {
			float[] grid = detector.raw(
					DetectorInput.tensor(pattern(size, size, raw.get("seeds").get(s).asInt()), size, size, size), size);
			JsonNode expected = raw.get("grids").get(s);
			assertThat(grid).hasSize(expected.size());
			int channels = TinyFaceDetectorNet.ANCHORS.length * TinyFaceDetectorNet.ENCODING;
			int plane = grid.length / channels;
			double worst = 0;
			for (int i = 0; i < expected.size(); i++) {
				// TF.js answers cells × channels (NHWC), DJL channels × cells (NCHW)
				double actual = grid[(i % channels) * plane + i / channels];
				worst = Math.max(worst, Math.abs(actual - expected.get(i).asDouble()));
			}
			System.out.println("largest grid difference from TF.js: " + worst);
			assertThat(worst).isLessThanOrEqualTo(1e-3);
		}
	}

	@Test
	void detectionsMatchTfjsBoxForBox() {
		JsonNode detect = fixture.get("detect");
		int w = detect.get("width").asInt();
		int h = detect.get("height").asInt();
		List<FaceBox> boxes = detector.detect(pattern(w, h, detect.get("seed").asInt()), w, h,
				detect.get("inputSize").asInt(), detect.get("scoreThreshold").asDouble());
		JsonNode expected = detect.get("detections");
		assertThat(expected).isNotEmpty();
		assertThat(boxes).hasSize(expected.size());
		for (int i = 0; i < boxes.size(); i++) {
			JsonNode e = expected.get(i);
			FaceBox box = boxes.get(i);
			assertThat(box.score()).isCloseTo(e.get("score").asDouble(), within(1e-4));
			assertThat(box.x()).isCloseTo(e.get("x").asDouble(), within(0.05));
			assertThat(box.y()).isCloseTo(e.get("y").asDouble(), within(0.05));
			assertThat(box.width()).isCloseTo(e.get("width").asDouble(), within(0.05));
			assertThat(box.height()).isCloseTo(e.get("height").asDouble(), within(0.05));
		}
	}

	@Test
	void theShippedDetectorIsTheOneTheDescriptorNames() throws Exception {
		assertThat(Files.readString(SHIPPED.resolve("descriptor.yaml"))).contains(FaceApiImport.DETECTOR);
	}

}
