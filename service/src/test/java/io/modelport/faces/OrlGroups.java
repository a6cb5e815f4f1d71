package io.modelport.faces;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.imaging.PgmImages;

/**
 * The ORL faces for group-photo tests and the group-faces benchmark, read from beside the
 * repository ({@code ../shared/datasets/orl-faces}, or {@code -Dmodelport.orl.location});
 * never copied into it. A face's true box is the bounding box of its 68 landmarks (found
 * in the single photo, where the face fills the frame), grown {@value #BOX_SCALE}× about
 * its centre: detectors' boxes, and the annotations they are trained on, reach from the
 * forehead to below the chin, which the landmarks (brows to chin) do not; on the single
 * ORL photos the detector's boxes came out 1.28 × 1.27 the landmarks' box, centred within
 * 2 %.
 *
 * @author Modelport Team
 */
public final class OrlGroups {

	/** How much larger than the landmarks' box a face's true box is. */
	public static final double BOX_SCALE = 1.25;

	private OrlGroups() {
	}

	/**
	 * Where the ORL faces are, skipping the calling test when absent unless
	 * {@code modelport.orl.required=true}.
	 * @return the folder
	 */
	public static Path requireLocation() {
		String configured = System.getProperty("modelport.orl.location");
		Path orl = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("modelport.repository", ".."), "..", "shared", "datasets", "orl-faces")
					.toAbsolutePath()
					.normalize();
		Assumptions.assumeTrue(Boolean.getBoolean("modelport.orl.required") || Files.isDirectory(orl),
				"the ORL faces are not installed at " + orl + " (set -Dmodelport.orl.location); skipping");
		return orl;
	}

	/**
	 * The photos of each identity, s1, s2, ... in natural order, photos 1-10 in order.
	 * @param root the ORL folder
	 * @return the identities' photos
	 * @throws IOException when the folder cannot be listed
	 */
	public static List<List<Path>> identities(Path root) throws IOException {
		List<List<Path>> identities = new ArrayList<>();
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted(natural()).toList()) {
				try (Stream<Path> photos = Files.list(folder)) {
					identities.add(photos.filter((p) -> p.toString().endsWith(".pgm")).sorted(natural()).toList());
				}
			}
		}
		return identities;
	}

	private static Comparator<Path> natural() {
		return Comparator.comparingInt((Path p) -> p.getFileName().toString().replaceAll("\\D", "").length())
			.thenComparing((Path p) -> p.getFileName().toString());
	}

	/**
	 * Reads one photo.
	 * @param pgm the file
	 * @return the grey photo
	 * @throws IOException when it cannot be read
	 */
	public static BufferedImage read(Path pgm) throws IOException {
		return PgmImages.read(Files.readAllBytes(pgm), pgm.toString(), 1_000_000);
	}

	/**
	 * A source for {@link GroupPhotos}: the photo and its true face box.
	 * @param identity who it is
	 * @param pgm the photo
	 * @param aligner finds the landmarks
	 * @return the source
	 * @throws IOException when it cannot be read
	 */
	public static GroupPhotos.Source source(String identity, Path pgm, FaceAligner aligner) throws IOException {
		BufferedImage image = read(pgm);
		float[] points = aligner.align(ImagePreprocessor.planes(image, 3), image.getWidth(), image.getHeight())
			.landmarks();
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (int i = 0; i < points.length; i += 2) {
			minX = Math.min(minX, points[i]);
			maxX = Math.max(maxX, points[i]);
			minY = Math.min(minY, points[i + 1]);
			maxY = Math.max(maxY, points[i + 1]);
		}
		double w = (maxX - minX) * BOX_SCALE;
		double h = (maxY - minY) * BOX_SCALE;
		double[] box = { (minX + maxX) / 2 - w / 2, (minY + maxY) / 2 - h / 2, w, h };
		return new GroupPhotos.Source(identity, image, box);
	}

	/**
	 * The intersection over union of two x, y, width, height boxes.
	 * @param a one box
	 * @param b the other
	 * @return 0 to 1
	 */
	public static double iou(double[] a, double[] b) {
		double w = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
		double h = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
		return w * h / (a[2] * a[3] + b[2] * b[3] - w * h);
	}

}
