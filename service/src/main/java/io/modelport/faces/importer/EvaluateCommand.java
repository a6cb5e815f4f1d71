package io.modelport.faces.importer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.modelport.imaging.ImagePreprocessor;
import io.modelport.imaging.PgmImages;

/**
 * {@code java -jar modelport.jar import evaluate DATASET [--model model-store/face-api/1]}:
 * prints the fixed ORL protocol's table ({@link OrlEvaluation}) for the imported
 * verifier, aligned and, for comparison, unaligned.
 *
 * @author Modelport Team
 */
final class EvaluateCommand {

	private EvaluateCommand() {
	}

	static int run(Path dataset, Path model, PrintStream out) throws IOException {
		List<List<Path>> identities = OrlEvaluation.identities(dataset);
		out.printf("%s: %d identities, %d images; protocol: %d folds of identities (seed %d)%n", dataset,
				identities.size(), identities.stream().mapToInt(List::size).sum(), OrlEvaluation.FOLDS,
				OrlEvaluation.SEED);
		List<List<float[]>> aligned = new ArrayList<>();
		List<List<float[]>> plain = new ArrayList<>();
		long start = System.nanoTime();
		try (OfflineEmbedder embedder = new OfflineEmbedder(model)) {
			for (List<Path> images : identities) {
				List<float[]> a = new ArrayList<>();
				List<float[]> p = new ArrayList<>();
				for (Path file : images) {
					BufferedImage image = read(file);
					float[][] planes = ImagePreprocessor.planes(image, 3);
					a.add(embedder.embed(planes, image.getWidth(), image.getHeight(), true));
					p.add(embedder.embed(planes, image.getWidth(), image.getHeight(), false));
				}
				aligned.add(a);
				plain.add(p);
			}
		}
		out.printf("embedded in %.1f s%n", (System.nanoTime() - start) / 1e9);
		OrlEvaluation.Figures figures = OrlEvaluation.evaluate(aligned);
		OrlEvaluation.header(out);
		OrlEvaluation.print(out, "aligned (68 landmarks)", figures);
		OrlEvaluation.print(out, "unaligned (photo resized)", OrlEvaluation.evaluate(plain));
		out.println("folds' tau: " + figures.thresholds() + "; unseen pairs scored: " + figures.pairs());
		return 0;
	}

	static BufferedImage read(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		if (PgmImages.isPgm(bytes)) {
			return PgmImages.read(bytes, file.getFileName().toString(), 1L << 26);
		}
		BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
		if (image == null) {
			throw new IOException(file + " is not an image");
		}
		return image;
	}

}
