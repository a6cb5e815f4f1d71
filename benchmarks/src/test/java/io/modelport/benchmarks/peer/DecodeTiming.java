package io.modelport.benchmarks.peer;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;

/**
 * Decode + preprocess of one image: the service's Java path against PIL + numpy, each the
 * best mean of three rounds, measured one after the other.
 *
 * @author Modelport Team
 */
final class DecodeTiming {

	private DecodeTiming() {
	}

	/**
	 * Times both.
	 * @param png the image
	 * @param input the model's input spec
	 * @param path the image's file, for Python
	 * @param python the interpreter
	 * @return {Java µs, PIL + numpy µs}
	 * @throws Exception when Python fails
	 */
	static double[] measure(byte[] png, InputSpec input, String path, String python) throws Exception {
		ImageDecoder decoder = new ImageDecoder(40_000_000);
		int iterations = 300;
		double best = Double.MAX_VALUE;
		for (int round = 0; round < 4; round++) {
			long start = System.nanoTime();
			float sum = 0;
			for (int i = 0; i < iterations; i++) {
				BufferedImage image = decoder.decode(png);
				sum += ImagePreprocessor.toTensor(image, input)[i % 10];
			}
			double micros = (System.nanoTime() - start) / 1e3 / iterations;
			// The first round warms the JIT up.
			best = (round > 0 && !Float.isNaN(sum)) ? Math.min(best, micros) : best;
		}
		Process timing = new ProcessBuilder(python, "benchmarks/peer/decode_time.py", path,
				Integer.toString(input.channels()), Integer.toString(iterations))
			.redirectErrorStream(true)
			.start();
		String out = new String(timing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!timing.waitFor(5, TimeUnit.MINUTES) || timing.exitValue() != 0) {
			throw new IllegalStateException("decode_time.py failed: " + out);
		}
		return new double[] { best, Double.parseDouble(out) };
	}

}
