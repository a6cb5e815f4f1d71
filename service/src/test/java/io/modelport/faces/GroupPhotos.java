package io.modelport.faces;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Group photos composed from single-face photos (ORL's, read from outside the
 * repository): a cluttered colour canvas of 320-640 pixels a side (gradient, shapes,
 * lines, noise) and a few faces pasted where they do not overlap, each scaled so its face
 * box is 40-160 pixels wide. The face box of a source photo is given by the caller (the
 * bounding box of its 68 landmarks), so the composed photo comes with its true boxes and
 * names.
 *
 * @author Modelport Team
 */
public final class GroupPhotos {

	private GroupPhotos() {
	}

	/**
	 * Composes one photo.
	 * @param sources the faces to place, in order; those that do not fit are left out
	 * @param random the seeded randomness (sizes, positions, clutter)
	 * @param minFace the smallest face box width
	 * @param maxFace the largest
	 * @return the photo and the faces placed
	 */
	public static Group compose(List<Source> sources, Random random, int minFace, int maxFace) {
		int width = 320 + random.nextInt(321);
		int height = 320 + random.nextInt(321);
		return compose(sources, random, minFace, maxFace, width, height);
	}

	/**
	 * Composes one photo of a given size.
	 * @param sources the faces to place, in order; those that do not fit are left out
	 * @param random the seeded randomness (sizes, positions, clutter)
	 * @param minFace the smallest face box width
	 * @param maxFace the largest
	 * @param width the canvas width
	 * @param height the canvas height
	 * @return the photo and the faces placed
	 */
	public static Group compose(List<Source> sources, Random random, int minFace, int maxFace, int width, int height) {
		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		clutter(g, width, height, random);
		List<Placed> placed = new ArrayList<>();
		List<int[]> taken = new ArrayList<>();
		for (Source source : sources) {
			double face = minFace + random.nextDouble() * (maxFace - minFace);
			double scale = face / source.box()[2];
			int w = (int) Math.round(source.image().getWidth() * scale);
			int h = (int) Math.round(source.image().getHeight() * scale);
			if (w >= width || h >= height) {
				continue;
			}
			for (int attempt = 0; attempt < 60; attempt++) {
				int x = random.nextInt(width - w + 1);
				int y = random.nextInt(height - h + 1);
				int[] rect = { x, y, w, h };
				if (taken.stream().noneMatch((r) -> overlaps(r, rect))) {
					g.drawImage(source.image(), x, y, w, h, null);
					taken.add(rect);
					double[] b = source.box();
					placed.add(new Placed(source.identity(),
							new double[] { x + b[0] * scale, y + b[1] * scale, b[2] * scale, b[3] * scale }));
					break;
				}
			}
		}
		noise(canvas, random);
		g.dispose();
		return new Group(canvas, placed);
	}

	private static boolean overlaps(int[] a, int[] b) {
		int gap = 4;
		return a[0] < b[0] + b[2] + gap && b[0] < a[0] + a[2] + gap && a[1] < b[1] + b[3] + gap
				&& b[1] < a[1] + a[3] + gap;
	}

	private static void clutter(Graphics2D g, int width, int height, Random random) {
		g.setPaint(new java.awt.GradientPaint(0, 0, colour(random), width, height, colour(random)));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 25; i++) {
			g.setColor(colour(random));
			int x = random.nextInt(width);
			int y = random.nextInt(height);
			int w = 10 + random.nextInt(width / 3);
			int h = 10 + random.nextInt(height / 3);
			switch (random.nextInt(3)) {
				case 0 -> g.fillRect(x, y, w, h);
				case 1 -> g.fillOval(x, y, w, h);
				default -> {
					g.setStroke(new BasicStroke(1 + random.nextInt(6)));
					g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
				}
			}
		}
	}

	private static Color colour(Random random) {
		return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
	}

	// Mild sensor-like noise over everything, faces included.
	private static void noise(BufferedImage canvas, Random random) {
		for (int y = 0; y < canvas.getHeight(); y++) {
			for (int x = 0; x < canvas.getWidth(); x++) {
				int rgb = canvas.getRGB(x, y);
				int n = (int) Math.round(random.nextGaussian() * 4);
				int r = clamp(((rgb >> 16) & 255) + n);
				int gr = clamp(((rgb >> 8) & 255) + n);
				int b = clamp((rgb & 255) + n);
				canvas.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	/**
	 * A source photo and its face box.
	 *
	 * @param identity who it is
	 * @param image the photo
	 * @param box x, y, width, height of the face in it
	 */
	public record Source(String identity, BufferedImage image, double[] box) {

	}

	/**
	 * A face placed on a canvas.
	 *
	 * @param identity who it is
	 * @param box x, y, width, height of the face on the canvas
	 */
	public record Placed(String identity, double[] box) {

	}

	/**
	 * A composed photo.
	 *
	 * @param image the canvas
	 * @param faces the faces on it
	 */
	public record Group(BufferedImage image, List<Placed> faces) {

		/**
		 * The canvas as PNG bytes.
		 * @return the encoded image
		 */
		public byte[] png() {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(this.image, "png", out);
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
