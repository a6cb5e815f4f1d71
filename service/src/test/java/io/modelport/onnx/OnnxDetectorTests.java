package io.modelport.onnx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.detection.DecoderSettings;
import io.modelport.detection.Detection;
import io.modelport.detection.DetectorTaskAdapter;
import io.modelport.detection.Letterbox;
import io.modelport.detection.NonMaxSuppression;
import io.modelport.detection.OutputDecoder;
import io.modelport.detection.RawOutput;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped detector ({@code model-store/fashion-scenes}, DJL parameters served by
 * PyTorch) exported to ONNX by {@code src/test/python/export_detector_onnx.py} with
 * Debian's python3-torch, then served as a {@code format: onnx} version by OnnxRuntime
 * through the same loader, predictor pool and decoder: its raw grids equal PyTorch's to
 * 1e-4, one image at a time and batched, and so do the detections. Skipped where
 * python3-torch is missing, unless {@code -Dmodelport.onnx-export.required=true} (CI).
 *
 * @author Modelport Team
 */
class OnnxDetectorTests {

	static final Path SHIPPED = Path.of(System.getProperty("modelport.repository", ".."), "model-store",
			"fashion-scenes", "1");

	static final Path SCRIPT = Path.of("src/test/python/export_detector_onnx.py");

	private static final Path SCENES = Path.of("src/test/resources/images/detection");

	private static final String[] IMAGES = { "scene-0.png", "scene-1.png", "scene-2.png", "scene-3.png" };

	@TempDir
	static Path work;

	private static ModelDescriptor torch;

	private static ModelDescriptor onnx;

	private final ModelLoader loader = new ModelLoader(List.of(new DetectorTaskAdapter()),
			RuntimeProperties.of("cpu", 1), new SimpleMeterRegistry());

	@BeforeAll
	static void export() throws Exception {
		torch = DescriptorParser.parse("fashion-scenes", 1, SHIPPED);
		onnx = export(SHIPPED, work.resolve("onnx-scenes/1"), "onnx-scenes");
	}

	@Test
	void onnxGridsEqualThePyTorchEngineOneAtATimeAndBatched() throws Exception {
		assertThat(onnx.format()).isEqualTo(ArtifactFormat.ONNX);
		List<float[]> tensors = tensors();
		try (LoadedModel pytorch = this.loader.load(torch); LoadedModel ort = this.loader.load(onnx)) {
			for (int i = 0; i < tensors.size(); i++) {
				RawOutput expected = pytorch.predict(tensors.get(i));
				RawOutput actual = ort.predict(tensors.get(i));
				assertEqual(IMAGES[i], expected, actual);
			}
			// The batch axis is symbolic in the export, so batches of four stack too.
			List<RawOutput> expected = pytorch.predictAll(tensors, pytorch.defaultTimeout());
			List<RawOutput> actual = ort.predictAll(tensors, ort.defaultTimeout());
			for (int i = 0; i < tensors.size(); i++) {
				assertEqual(IMAGES[i] + " in a batch", expected.get(i), actual.get(i));
			}
		}
	}

	@Test
	void onnxDetectionsEqualThePyTorchEngine() throws Exception {
		DecoderSettings decoder = DecoderSettings.fromParameters(torch.parameters());
		int size = torch.input().width();
		int found = 0;
		List<float[]> tensors = tensors();
		try (LoadedModel pytorch = this.loader.load(torch); LoadedModel ort = this.loader.load(onnx)) {
			for (int i = 0; i < tensors.size(); i++) {
				List<Detection> expected = detect(pytorch.predict(tensors.get(i)), decoder, size);
				List<Detection> actual = detect(ort.predict(tensors.get(i)), decoder, size);
				assertThat(actual).as(IMAGES[i]).hasSameSizeAs(expected);
				for (int d = 0; d < expected.size(); d++) {
					Detection e = expected.get(d);
					Detection a = actual.get(d);
					assertThat(a.classIndex()).as(IMAGES[i]).isEqualTo(e.classIndex());
					assertThat(a.score()).as(IMAGES[i]).isCloseTo(e.score(), within(1e-4f));
					// Pixels, from exp() of the grid: 1e-4 on the grid is well under 1e-3
					// here.
					assertThat(new float[] { a.box().x(), a.box().y(), a.box().width(), a.box().height() })
						.as(IMAGES[i])
						.containsExactly(new float[] { e.box().x(), e.box().y(), e.box().width(), e.box().height() },
								within(1e-3f));
				}
				found += expected.size();
			}
		}
		assertThat(found).as("the shipped detector finds the scenes' items").isGreaterThan(0);
	}

	/**
	 * Exports a yolo-detector version to ONNX and writes its descriptor: the original's,
	 * with {@code format: onnx} and the new artifact.
	 * @param version the DJL parameter version's folder
	 * @param target the folder of the ONNX version to write
	 * @param name the ONNX model's name
	 * @return the ONNX version's descriptor
	 */
	static ModelDescriptor export(Path version, Path target, String name) throws Exception {
		pythonTorchOrSkip();
		Files.createDirectories(target);
		Path graph = target.resolve(name + ".onnx");
		ModelDescriptor original = DescriptorParser.parse("original", 1, version);
		Process process = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), version.toString(),
				graph.toString(), Integer.toString(original.input().width()))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		String descriptor = Files.readString(version.resolve(DescriptorParser.FILE_NAME))
			.replaceFirst("(?m)^format: djl-params$", "format: onnx")
			.replaceFirst("(?m)^- file: .*$", "- file: " + name + ".onnx")
			.replaceFirst("(?m)^  sha256: \\w+$", "  sha256: " + Checksums.sha256(graph))
			.replaceFirst("(?m)^architecture:\\n(  .*\\n)+", "");
		Files.writeString(target.resolve(DescriptorParser.FILE_NAME), descriptor);
		return DescriptorParser.parse(name, 1, target);
	}

	private static void pythonTorchOrSkip() throws IOException, InterruptedException {
		boolean present = Files.isExecutable(Path.of("/usr/bin/python3"))
				&& new ProcessBuilder("/usr/bin/python3", "-c", "import torch").start().waitFor() == 0;
		if (!present && !Boolean.getBoolean("modelport.onnx-export.required")) {
			Assumptions.abort("python3-torch is not installed; skipping the detector's ONNX export");
		}
		assertThat(present).as("python3-torch (-Dmodelport.onnx-export.required=true)").isTrue();
	}

	private static List<float[]> tensors() throws IOException {
		List<float[]> tensors = new ArrayList<>();
		int size = torch.input().width();
		for (String name : IMAGES) {
			BufferedImage image = ImageIO.read(SCENES.resolve(name).toFile());
			tensors.add(Letterbox.of(image.getWidth(), image.getHeight(), size, size).tensor(image, torch.input(), 0));
		}
		return tensors;
	}

	private static List<Detection> detect(RawOutput output, DecoderSettings decoder, int size) {
		return NonMaxSuppression.apply(OutputDecoder.decode(output, decoder, torch.labels().size(), size, size),
				decoder.scoreThreshold(), decoder.iouThreshold(), true, decoder.maxDetections());
	}

	private static void assertEqual(String what, RawOutput expected, RawOutput actual) {
		assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
		assertThat(actual.values()).as(what).hasSameSizeAs(expected.values());
		float worst = 0;
		for (int i = 0; i < expected.values().length; i++) {
			worst = Math.max(worst, Math.abs(expected.values()[i] - actual.values()[i]));
		}
		assertThat(worst).as("%s: largest difference of %d grid values", what, expected.values().length)
			.isLessThanOrEqualTo(1e-4f);
	}

}
