package io.modelport.faces.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generated face sets for training tests: each identity is a few smooth blobs of its own
 * (its "features") on a gray background; each of its images moves them by a pixel or two,
 * changes the lighting and adds strong per-image noise, so telling identities apart has
 * to be learnt rather than read off raw pixels.
 *
 * @author Modelport Team
 */
public final class SyntheticFaces {

	private SyntheticFaces() {
	}

	/**
	 * Generates a face set.
	 * @param identities the number of identities
	 * @param images the images of each
	 * @param width the image width
	 * @param height the image height
	 * @param seed the random seed
	 * @return the faces, identities named {@code p0}, {@code p1}, ...
	 */
	public static FaceImages generate(int identities, int images, int width, int height, long seed) {
		Random random = new Random(seed);
		List<String> names = new ArrayList<>();
		int[] labels = new int[identities * images];
		byte[] pixels = new byte[identities * images * width * height];
		for (int identity = 0; identity < identities; identity++) {
			names.add("p" + identity);
			double[][] blobs = new double[4][];
			for (int b = 0; b < blobs.length; b++) {
				blobs[b] = new double[] { width * (0.2 + 0.6 * random.nextDouble()),
						height * (0.2 + 0.6 * random.nextDouble()), 1.5 + 2.5 * random.nextDouble(),
						(random.nextBoolean() ? 1 : -1) * (50 + 40 * random.nextDouble()) };
			}
			for (int i = 0; i < images; i++) {
				int image = identity * images + i;
				labels[image] = identity;
				double dx = random.nextGaussian();
				double dy = random.nextGaussian();
				double light = 100 + 50 * random.nextDouble();
				for (int y = 0; y < height; y++) {
					for (int x = 0; x < width; x++) {
						double value = light + 45 * random.nextGaussian() + blobs(blobs, x - dx, y - dy);
						pixels[(image * height + y) * width + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
					}
				}
			}
		}
		return new FaceImages(names, labels, width, height, pixels);
	}

	// The sum of the identity's blobs at a point.
	private static double blobs(double[][] blobs, double x, double y) {
		double value = 0;
		for (double[] blob : blobs) {
			double ex = x - blob[0];
			double ey = y - blob[1];
			value += blob[3] * Math.exp(-(ex * ex + ey * ey) / (2 * blob[2] * blob[2]));
		}
		return value;
	}

	/**
	 * A zip with one folder per identity holding its images as binary PGM files, the
	 * layout of an {@code image-folders} data set of faces.
	 * @param faces the faces
	 * @return the zip bytes
	 */
	public static byte[] pgmZip(FaceImages faces) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int image = 0; image < faces.count(); image++) {
				String identity = faces.identities().get(faces.label(image));
				zip.putNextEntry(new ZipEntry(identity + "/" + image + ".pgm"));
				zip.write(("P5\n" + faces.width() + " " + faces.height() + "\n255\n")
					.getBytes(StandardCharsets.US_ASCII));
				zip.write(faces.pixels(image));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
