package io.modelport.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;

import io.modelport.detection.DecoderSettings;
import io.modelport.detection.Detection;
import io.modelport.detection.DetectorTaskAdapter;
import io.modelport.detection.NonMaxSuppression;
import io.modelport.detection.OutputDecoder;
import io.modelport.detection.RawOutput;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

/**
 * What decoding and NMS cost next to the forward pass: the shipped detector's raw
 * {@code Predictor} on a 64×64 input against decode + NMS of its output, and decode + NMS
 * of a YOLOv8-sized flat output ({@code [84, 8400]}, 80 classes) with random scores.
 * Prints the mean per image in microseconds.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=detection
 * </pre>
 *
 * @author Modelport Team
 */
public final class DetectionBenchmark {

	private static final int RUNS = 2000;

	private DetectionBenchmark() {
	}

	@SuppressWarnings("unchecked")
	public static void main(String[] args) throws Exception {
		StoredModel stored = new ModelStore(Path.of("model-store")).find("fashion-scenes").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		DecoderSettings settings = DecoderSettings.fromParameters(descriptor.parameters());
		float[] input = new float[descriptor.input().width() * descriptor.input().height()];
		Random random = new Random(1);
		for (int i = 0; i < input.length; i++) {
			input[i] = random.nextFloat() * 0.3f;
		}
		double forward;
		RawOutput output;
		try (Model model = InferenceBenchmark.loadRaw(descriptor);
				Predictor<Object, Object> predictor = model
					.newPredictor((Translator<Object, Object>) (Translator<?, ?>) new DetectorTaskAdapter()
						.translator(descriptor))) {
			output = (RawOutput) predictor.predict(input);
			forward = mean(() -> {
				try {
					predictor.predict(input);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		int classes = descriptor.labels().size();
		int size = descriptor.input().width();
		RawOutput shipped = output;
		double decodeShipped = mean(() -> nms(OutputDecoder.decode(shipped, settings, classes, size, size), settings));
		DecoderSettings v8 = DecoderSettings.fromParameters(Map.of("outputLayout", "flat", "scoreThreshold", 0.25));
		double[][] flatRuns = new double[2][];
		int row = 0;
		// A typical output (5% of the anchors see an object) and the worst case (all do).
		for (double share : new double[] { 0.05, 1.0 }) {
			RawOutput yolov8 = new RawOutput(new long[] { 84, 8400 }, yolov8Output(random, share));
			int candidates = OutputDecoder.decode(yolov8, v8, 80, 640, 640).size();
			flatRuns[row++] = new double[] { candidates,
					mean(() -> nms(OutputDecoder.decode(yolov8, v8, 80, 640, 640), v8)) };
		}
		System.out.println();
		System.out.println("| step | mean µs per image |");
		System.out.println("|---|---|");
		System.out.printf("| fashion-scenes: raw Predictor forward (%dx%d) | %.0f |%n", size, size, forward);
		System.out.printf("| fashion-scenes: decode + NMS | %.1f |%n", decodeShipped);
		for (double[] run : flatRuns) {
			System.out.printf("| YOLOv8-sized [84, 8400] output, %.0f candidates ≥ 0.25: decode + NMS | %.0f |%n",
					run[0], run[1]);
		}
	}

	// Boxes anywhere in 640 × 640; an anchor that sees an object has one class at 0.3-1,
	// every other class score is below 0.05.
	private static float[] yolov8Output(Random random, double share) {
		float[] flat = new float[84 * 8400];
		for (int n = 0; n < 8400; n++) {
			flat[n] = random.nextFloat() * 640;
			flat[8400 + n] = random.nextFloat() * 640;
			flat[2 * 8400 + n] = 10 + random.nextFloat() * 100;
			flat[3 * 8400 + n] = 10 + random.nextFloat() * 100;
			for (int c = 4; c < 84; c++) {
				flat[c * 8400 + n] = random.nextFloat() * 0.05f;
			}
			if (random.nextDouble() < share) {
				flat[(4 + random.nextInt(80)) * 8400 + n] = 0.3f + 0.7f * random.nextFloat();
			}
		}
		return flat;
	}

	private static List<Detection> nms(List<Detection> candidates, DecoderSettings settings) {
		return NonMaxSuppression.apply(candidates, settings.scoreThreshold(), settings.iouThreshold(), true,
				settings.maxDetections());
	}

	private static double mean(Runnable step) {
		for (int i = 0; i < RUNS / 4; i++) {
			step.run();
		}
		long start = System.nanoTime();
		for (int i = 0; i < RUNS; i++) {
			step.run();
		}
		return (System.nanoTime() - start) / 1e3 / RUNS;
	}

}
