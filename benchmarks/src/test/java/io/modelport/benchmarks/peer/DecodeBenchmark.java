package io.modelport.benchmarks.peer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.imageio.ImageIO;

import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;

/**
 * Decode + preprocess of the peer benchmark's two PNGs (28×28 gray, 224×224 RGB) into the
 * model's float tensor: the service's path (its own PNG decoder, then the byte-raster
 * preprocessing), the same preprocessing after ImageIO's PNG reader (the path before),
 * and PIL + numpy as the FastAPI peer does it. Three rounds, the three paths one after
 * the other in each, so all see the same machine; each figure is the best round's mean.
 * Run from the repository root
 * ({@code ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=decode}).
 *
 * @author Modelport Team
 */
public final class DecodeBenchmark {

	private static final int ITERATIONS = 300;

	private DecodeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PeerModels prepared = PeerModels.prepare(Path.of("benchmarks/target/peer-models"), PeerBenchmark.python());
		String before = PeerBenchmark.load();
		ImageDecoder decoder = new ImageDecoder(40_000_000);
		StringBuilder table = new StringBuilder();
		for (String model : PeerModels.NAMES) {
			byte[] png = prepared.image(model);
			InputSpec input = PeerModels.input(model);
			String file = prepared.folder().resolve(model + ".png").toString();
			double service = Double.MAX_VALUE;
			double imageIo = Double.MAX_VALUE;
			double python = Double.MAX_VALUE;
			for (int round = 0; round < 3; round++) {
				service = Math.min(service, javaMicros(png, input, decoder::decode));
				imageIo = Math.min(imageIo, javaMicros(png, input, DecodeBenchmark::readWithImageIo));
				python = Math.min(python, pythonMicros(file, input.channels()));
			}
			BufferedImage image = decoder.decode(png);
			table.append(String.format(Locale.ROOT,
					"| %s | %dx%d, %d channel(s), %d bytes | %.0f | %.0f | %.0f | %.2f |%n", model, image.getWidth(),
					image.getHeight(), input.channels(), png.length, service, imageIo, python, service / python));
		}
		System.out.printf(Locale.ROOT,
				"Decode + preprocess to the model's tensor, µs per image (best of 3 rounds of %d;"
						+ " load at the start %s, at the end %s):%n%n",
				ITERATIONS, before, PeerBenchmark.load());
		System.out.println("| image | size | Java, service path | Java, ImageIO reader | PIL + numpy |"
				+ " service / PIL + numpy |");
		System.out.println("|---|---|---|---|---|---|");
		System.out.print(table);
	}

	private static double javaMicros(byte[] png, InputSpec input, Function<byte[], BufferedImage> decode) {
		// A first pass warms the JIT up and is not counted.
		float sum = 0;
		for (int i = 0; i < ITERATIONS; i++) {
			sum += ImagePreprocessor.toTensor(decode.apply(png), input)[i % 10];
		}
		long start = System.nanoTime();
		for (int i = 0; i < ITERATIONS; i++) {
			sum += ImagePreprocessor.toTensor(decode.apply(png), input)[i % 10];
		}
		double micros = (System.nanoTime() - start) / 1e3 / ITERATIONS;
		return Float.isNaN(sum) ? Double.NaN : micros;
	}

	private static BufferedImage readWithImageIo(byte[] png) {
		try {
			return ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double pythonMicros(String file, int channels) throws Exception {
		Process timing = new ProcessBuilder(PeerBenchmark.python(), "benchmarks/peer/decode_time.py", file,
				Integer.toString(channels), Integer.toString(ITERATIONS))
			.redirectErrorStream(true)
			.start();
		String out = new String(timing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!timing.waitFor(5, TimeUnit.MINUTES) || timing.exitValue() != 0) {
			throw new IllegalStateException("decode_time.py failed: " + out);
		}
		return Double.parseDouble(out);
	}

}
