package io.modelport.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;

import io.modelport.faces.FaceTools;
import io.modelport.faces.FaceVerifierTaskAdapter;
import io.modelport.faces.GroupPhotos;
import io.modelport.faces.OrlGroups;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.detection.FoundFace;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.nn.FaceRecognitionResNet;
import io.modelport.store.DescriptorParser;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;

/**
 * The speed half of {@link GroupFacesBenchmark}: embedding one 224 × 224 photo (one ORL
 * face on clutter) through the service's {@code embed} over HTTP, against the same work
 * in process (decode, detect, align, one forward through a DJL {@code Predictor}) and
 * against the bare forward of the recognition network on a ready chip. Sequential, same
 * JVM.
 *
 * @author Modelport Team
 */
final class GroupFacesSpeed {

	private GroupFacesSpeed() {
	}

	/**
	 * A store holding the shipped face-api versions 1 and 2 only, copied.
	 * @param shipped {@code model-store/face-api}
	 * @return the store folder
	 * @throws IOException when copying fails
	 */
	static Path store(Path shipped) throws IOException {
		Path store = Files.createTempDirectory("group-faces");
		for (String version : List.of("1", "2")) {
			Path target = Files.createDirectories(store.resolve("face-api").resolve(version));
			try (Stream<Path> files = Files.list(shipped.resolve(version))) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()));
				}
			}
		}
		Files.copy(shipped.resolve("model.yaml"), store.resolve("face-api").resolve("model.yaml"));
		return store;
	}

	@SuppressWarnings("unchecked")
	static void run(HttpClient client, String base, Path version, List<List<Path>> orl, FaceAligner aligner,
			int requests) throws Exception {
		GroupPhotos.Source source = OrlGroups.source("s1", orl.get(0).get(1), aligner);
		byte[] png = GroupPhotos.compose(List.of(source), new Random(5), 100, 100, 224, 224).png();
		HttpRequest embed = HttpRequest.newBuilder(URI.create(base + "/embed?version=2"))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(png))
			.build();
		ModelDescriptor descriptor = DescriptorParser.parse("face-api", 2, version);
		ImageDecoder decoder = new ImageDecoder(16_000_000);
		double service;
		double pipeline;
		double forward;
		try (Model model = Model.newInstance("face-api", Device.cpu(), "PyTorch")) {
			model.setBlock(new FaceRecognitionResNet());
			model.load(version, "face-api", java.util.Map.of("epoch", "0"));
			FaceVerifierTaskAdapter adapter = new FaceVerifierTaskAdapter();
			FaceTools tools = (FaceTools) adapter.readArtifacts(model, descriptor).orElseThrow();
			try (Predictor<float[], float[]> predictor = model
				.newPredictor((Translator<float[], float[]>) (Translator<?, ?>) adapter.translator(descriptor))) {
				float[] chip = tensor(tools, decoder, png, descriptor.input());
				forward = micros(requests, () -> predict(predictor, chip).length);
				pipeline = micros(requests,
						() -> predict(predictor, tensor(tools, decoder, png, descriptor.input())).length);
				service = micros(requests, () -> {
					try {
						return GroupFacesBenchmark.send(client, embed).length();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
		}
		System.out.println();
		System.out.println("| one 224 × 224 photo, one face, sequential | mean ms |");
		System.out.println("|---|---|");
		System.out.printf("| in-process: recognition forward only (Predictor on a ready chip) | %.1f |%n",
				forward / 1e3);
		System.out.printf("| in-process: decode + detect + align + forward | %.1f |%n", pipeline / 1e3);
		System.out.printf("| service: POST /embed over HTTP | %.1f |%n", service / 1e3);
		System.out.printf("%nservice embed / in-process same work: %.2f%n", service / pipeline);
		System.out.printf("service embed / bare forward: %.2f%n", service / forward);
		System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
	}

	private static float[] tensor(FaceTools tools, ImageDecoder decoder, byte[] png, InputSpec input) {
		var image = decoder.decode(png);
		List<FoundFace> faces = tools.finder()
			.find(ImagePreprocessor.planes(image, 3), image.getWidth(), image.getHeight());
		float[][] chip = faces.get(0).chip();
		int size = input.width() * input.height();
		float[] tensor = new float[3 * size];
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < size; i++) {
				tensor[c * size + i] = input.normalize(chip[c][i], c);
			}
		}
		return tensor;
	}

	private static float[] predict(Predictor<float[], float[]> predictor, float[] input) {
		try {
			return predictor.predict(input);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double micros(int runs, java.util.function.IntSupplier step) {
		long sink = 0;
		for (int i = 0; i < Math.max(3, runs / 5); i++) {
			sink += step.getAsInt();
		}
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			sink += step.getAsInt();
		}
		double mean = (System.nanoTime() - start) / 1e3 / runs;
		return (sink >= 0) ? mean : -mean;
	}

}
