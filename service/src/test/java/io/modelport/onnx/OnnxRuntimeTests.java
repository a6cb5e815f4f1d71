package io.modelport.onnx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import ai.djl.engine.Engine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.Fixtures;
import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.DescriptorParser;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ServingPropertiesReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The OnnxRuntime engine behind the same loader, predictor pool, batching and metrics as
 * the PyTorch engine.
 *
 * @author Modelport Team
 */
class OnnxRuntimeTests {

	private static final String[] IMAGES = { "trouser.png", "bag.png", "sneaker.png", "shirt.png", "coat.png",
			"dress.png", "sandal.png", "pullover.png", "ankle-boot.png", "t-shirt-top.png" };

	@TempDir
	Path temp;

	@Test
	void batchedOnnxPredictionsEqualTheTorchScriptModule() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		// Two workers, batches of up to 8 gathered for 50 ms: the ONNX graph's batch axis
		// is dynamic, so the batcher can stack requests as it does for PyTorch.
		ModelLoader loader = new ModelLoader(List.of(new ClassifierTaskAdapter()), new RuntimeProperties("cpu", 2, 8,
				Duration.ofMillis(50), 64, Duration.ofSeconds(30), Duration.ofSeconds(5), 0, false), meters);
		ModelDescriptor onnxDescriptor = DescriptorParser.parse("onnx-fashion", 1, OnnxModelsTests.ONNX_VERSION);
		assertThat(onnxDescriptor.format()).isEqualTo(ArtifactFormat.ONNX);
		try (LoadedModel onnx = loader.load(onnxDescriptor);
				LoadedModel torch = loader
					.load(ServingPropertiesReader.read("torch-fashion", 1, OnnxModelsTests.TORCH_FOLDER))) {
			List<float[]> inputs = new ArrayList<>();
			for (String image : IMAGES) {
				BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Fixtures.image(image)));
				inputs.add(ImagePreprocessor.toTensor(decoded, onnxDescriptor.input()));
			}
			List<float[]> expected = torch.predictAll(inputs, Duration.ofSeconds(30));
			List<float[]> actual = onnx.predictAll(inputs, Duration.ofSeconds(30));
			for (int i = 0; i < IMAGES.length; i++) {
				assertThat(actual.get(i)).hasSize(10);
				for (int c = 0; c < 10; c++) {
					assertThat(actual.get(i)[c]).as(IMAGES[i] + " class " + c)
						.isCloseTo(expected.get(i)[c], within(1e-4f));
				}
			}
			DistributionSummary batches = meters.find("modelport.inference.batch.size")
				.tag("model", "onnx-fashion")
				.summary();
			assertThat(batches).isNotNull();
			// The warm-up plus the ten requests, in fewer batches than requests. A batch
			// is
			// counted after its answers are handed out, so the last one may still be on
			// its
			// way when predictAll returns.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(batches.totalAmount()).isEqualTo(IMAGES.length + 1.0));
			assertThat(batches.max()).isGreaterThan(1.0);
		}
	}

	@Test
	void pyTorchStaysTheDefaultEngine() {
		// Code that asks DJL for "the" engine (training, NDManager.newBaseManager()) must
		// not move to OnnxRuntime because its jar is on the class path.
		assertThat(Engine.getDefaultEngineName()).isEqualTo("PyTorch");
		assertThat(Engine.hasEngine("OnnxRuntime")).isTrue();
	}

	@Test
	void anOnnxArtifactMustBeAnOnnxFile() throws IOException {
		Path version = Files.createDirectories(this.temp.resolve("onnx-fashion/1"));
		Fixtures.copyTree(OnnxModelsTests.ONNX_VERSION, version);
		Files.move(version.resolve("onnx-fashion.onnx"), version.resolve("onnx-fashion.bin"));
		Path descriptor = version.resolve(DescriptorParser.FILE_NAME);
		Files.writeString(descriptor,
				Files.readString(descriptor)
					.replace("file: onnx-fashion.onnx", "file: onnx-fashion.bin")
					.replaceFirst("(?m)^    sha256: .*\\n", ""));
		ModelLoader loader = new ModelLoader(List.of(new ClassifierTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> loader.load(DescriptorParser.parse("onnx-fashion", 1, version)))
			.withMessage("an ONNX artifact must end in .onnx, was onnx-fashion.bin");
	}

}
