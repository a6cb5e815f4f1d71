package io.modelport.samples;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * The sample data set zips: {@code clothes.zip} (kind {@code image-folders}, one folder
 * per class) and {@code boxes.zip} (kind {@code yolo}: scenes of 1 to 3 items on a black
 * canvas, with {@code images/}, {@code labels/} and {@code classes.txt}).
 *
 * @author Modelport Team
 */
final class SampleDatasets {

	static final int SCENES = 24;

	static final int CANVAS = 96;

	private static final long FIXED_TIME = 1577836800000L;

	private SampleDatasets() {
	}

	static Path clothes(SampleItems items, Path zip) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			int[] numbers = new int[items.labels().size()];
			for (int i = 0; i < items.images().size(); i++) {
				int label = items.classes().get(i);
				put(out, items.labels().get(label) + "/" + (numbers[label]++) + ".png", png(items.images().get(i)));
			}
		}
		return zip;
	}

	static Path boxes(SampleItems items, Path zip) throws IOException {
		Random random = new Random(96);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			put(out, "classes.txt", (String.join("\n", items.labels()) + "\n").getBytes(StandardCharsets.UTF_8));
			for (int scene = 0; scene < SCENES; scene++) {
				BufferedImage canvas = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = canvas.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				StringBuilder labels = new StringBuilder();
				List<int[]> placed = new ArrayList<>();
				int count = 1 + random.nextInt(3);
				for (int tries = 0; placed.size() < count && tries < 50; tries++) {
					int side = 32 + random.nextInt(17);
					int x = random.nextInt(CANVAS - side + 1);
					int y = random.nextInt(CANVAS - side + 1);
					if (placed.stream().anyMatch((box) -> overlaps(box, x, y, side))) {
						continue;
					}
					int item = random.nextInt(items.images().size());
					g.drawImage(items.images().get(item), x, y, side, side, null);
					placed.add(new int[] { x, y, side });
					labels.append(String.format(Locale.ROOT, "%d %.5f %.5f %.5f %.5f%n", items.classes().get(item),
							(x + side / 2.0) / CANVAS, (y + side / 2.0) / CANVAS, (double) side / CANVAS,
							(double) side / CANVAS));
				}
				g.dispose();
				put(out, "images/scene-" + scene + ".png", png(canvas));
				put(out, "labels/scene-" + scene + ".txt", labels.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return zip;
	}

	private static boolean overlaps(int[] box, int x, int y, int side) {
		return x < box[0] + box[2] && box[0] < x + side && y < box[1] + box[2] && box[1] < y + side;
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		// A fixed time: the same samples give the same zip bytes on every run.
		entry.setTime(FIXED_TIME);
		zip.putNextEntry(entry);
		OutputStream out = zip;
		out.write(bytes);
		zip.closeEntry();
	}

}
