package io.modelport.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;

/**
 * Small labelled gray items for the sample data sets: Fashion-MNIST test images when the
 * Debian package is installed (so the shipped classifier and detector know them), drawn
 * circles, squares and triangles otherwise.
 *
 * @param labels the class names, in label order
 * @param images the items, 28×28 gray
 * @param classes each item's label index
 * @author Modelport Team
 */
record SampleItems(List<String> labels, List<BufferedImage> images, List<Integer> classes) {

	static final int PER_CLASS = 12;

	private static final int SIDE = 28;

	static SampleItems load(Path fashionMnist) throws IOException {
		if (Files.isRegularFile(fashionMnist.resolve("t10k-images-idx3-ubyte.gz"))) {
			return fashion(FashionMnist.test(fashionMnist, 1000));
		}
		return shapes();
	}

	private static SampleItems fashion(ImageSet test) {
		List<String> labels = FashionMnist.LABELS.stream().map((label) -> label.replace('/', '-')).toList();
		List<BufferedImage> images = new ArrayList<>();
		List<Integer> classes = new ArrayList<>();
		int[] taken = new int[labels.size()];
		for (int i = 0; i < test.count(); i++) {
			int label = test.labels()[i];
			if (taken[label]++ < PER_CLASS) {
				images.add(test.toImage(i));
				classes.add(label);
			}
		}
		return new SampleItems(labels, images, classes);
	}

	private static SampleItems shapes() {
		List<String> labels = List.of("circle", "square", "triangle");
		List<BufferedImage> images = new ArrayList<>();
		List<Integer> classes = new ArrayList<>();
		Random random = new Random(28);
		for (int label = 0; label < labels.size(); label++) {
			for (int n = 0; n < PER_CLASS; n++) {
				images.add(shape(label, random));
				classes.add(label);
			}
		}
		return new SampleItems(labels, images, classes);
	}

	private static BufferedImage shape(int label, Random random) {
		BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		int size = 14 + random.nextInt(10);
		int x = random.nextInt(SIDE - size + 1);
		int y = random.nextInt(SIDE - size + 1);
		int gray = 150 + random.nextInt(106);
		g.setColor(new Color(gray, gray, gray));
		g.setStroke(new BasicStroke(1));
		switch (label) {
			case 0 -> g.fillOval(x, y, size, size);
			case 1 -> g.fillRect(x, y, size, size);
			default -> g.fillPolygon(
					new Polygon(new int[] { x, x + size / 2, x + size }, new int[] { y + size, y, y + size }, 3));
		}
		g.dispose();
		return image;
	}

}
