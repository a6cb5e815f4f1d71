package io.modelport.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Drawn face photos, {@code faces/<person>/<n>.png}, 92×112 gray like the ORL set the
 * shipped verifier learned from: each person has their own head shape, eyes, brows, nose,
 * mouth and hair, and each photo of them moves, tilts and lights the face a little
 * differently. They are generated, so they carry no one's likeness and no licence terms.
 *
 * @author Modelport Team
 */
final class SampleFaces {

	static final List<String> PEOPLE = List.of("ada", "ben", "cleo", "dev", "eli");

	static final int PHOTOS = 4;

	static final int WIDTH = 92;

	static final int HEIGHT = 112;

	/** The drawn people of {@code faces.zip}, enough for a face-verifier training job. */
	static final int TRAINING_PEOPLE = 12;

	/** The photos of each of them. */
	static final int TRAINING_PHOTOS = 5;

	private SampleFaces() {
	}

	static Path write(Path folder) throws IOException {
		for (int person = 0; person < PEOPLE.size(); person++) {
			Face face = Face.random(new Random(1000 + person));
			Path dir = Files.createDirectories(folder.resolve(PEOPLE.get(person)));
			Random photos = new Random(2000 + person);
			for (int photo = 1; photo <= PHOTOS; photo++) {
				ImageIO.write(face.photo(photos), "png", dir.resolve(photo + ".png").toFile());
			}
		}
		return folder;
	}

	/**
	 * Writes {@code faces.zip}: an {@code image-folders} data set of drawn people
	 * ({@code person-01/1.png}, ...), other people than the {@code faces/} folder's, as
	 * many as a face-verifier job needs for disjoint train, dev and test identities.
	 * @param zip the file to write
	 * @return the file
	 * @throws IOException when it cannot be written
	 */
	static Path zip(Path zip) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (int person = 1; person <= TRAINING_PEOPLE; person++) {
				Face face = Face.random(new Random(3000 + person));
				Random photos = new Random(4000 + person);
				for (int photo = 1; photo <= TRAINING_PHOTOS; photo++) {
					SampleDatasets.put(out, String.format("person-%02d/%d.png", person, photo),
							SampleDatasets.png(face.photo(photos)));
				}
			}
		}
		return zip;
	}

	/**
	 * One person's features, in pixels of the 92×112 frame.
	 */
	private record Face(int headWidth, int headHeight, int skin, int hair, int hairDepth, int eyeGap, int eyeSize,
			int eyeY, int browTilt, int noseLength, int mouthWidth, int mouthCurve, boolean glasses) {

		static Face random(Random random) {
			return new Face(52 + random.nextInt(14), 68 + random.nextInt(14), 130 + random.nextInt(90),
					20 + random.nextInt(120), 8 + random.nextInt(16), 18 + random.nextInt(10), 4 + random.nextInt(4),
					46 + random.nextInt(8), random.nextInt(7) - 3, 10 + random.nextInt(10), 14 + random.nextInt(14),
					random.nextInt(9) - 4, random.nextInt(3) == 0);
		}

		BufferedImage photo(Random random) {
			BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
			Graphics2D g = image.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			int background = 40 + random.nextInt(40);
			g.setColor(gray(background));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			AffineTransform pose = new AffineTransform();
			pose.translate(WIDTH / 2.0 + random.nextInt(7) - 3, HEIGHT / 2.0 + random.nextInt(7) - 3);
			pose.rotate(Math.toRadians(random.nextInt(11) - 5));
			double scale = 0.94 + random.nextDouble() * 0.12;
			pose.scale(scale, scale);
			g.setTransform(pose);
			int light = random.nextInt(41) - 20;
			g.setPaint(new GradientPaint(-this.headWidth / 2f, 0, gray(this.skin + light), this.headWidth / 2f, 0,
					gray(this.skin - light)));
			g.fillOval(-this.headWidth / 2, -this.headHeight / 2, this.headWidth, this.headHeight);
			g.setColor(gray(this.hair));
			g.fillArc(-this.headWidth / 2 - 2, -this.headHeight / 2 - 4, this.headWidth + 4, this.hairDepth * 3, 0,
					180);
			int eyeY = this.eyeY - HEIGHT / 2;
			int expression = random.nextInt(3) - 1;
			for (int side : new int[] { -1, 1 }) {
				int x = side * this.eyeGap / 2;
				g.setColor(gray(235));
				g.fillOval(x - this.eyeSize, eyeY - this.eyeSize / 2, this.eyeSize * 2, this.eyeSize);
				g.setColor(gray(25));
				g.fillOval(x - this.eyeSize / 2 + expression, eyeY - this.eyeSize / 2, this.eyeSize, this.eyeSize);
				g.setStroke(new BasicStroke(2));
				g.setColor(gray(this.hair));
				g.drawLine(x - this.eyeSize - 1, eyeY - this.eyeSize - 3 + side * this.browTilt, x + this.eyeSize + 1,
						eyeY - this.eyeSize - 3 - side * this.browTilt);
				if (this.glasses) {
					g.setColor(gray(15));
					g.drawOval(x - this.eyeSize - 3, eyeY - this.eyeSize, this.eyeSize * 2 + 6, this.eyeSize * 2);
				}
			}
			g.setColor(gray(this.skin - 50));
			g.setStroke(new BasicStroke(2));
			g.drawLine(0, eyeY + 2, -2, eyeY + this.noseLength);
			g.drawLine(-2, eyeY + this.noseLength, 3, eyeY + this.noseLength);
			int mouthY = eyeY + this.noseLength + 10;
			g.setColor(gray(60));
			int curve = this.mouthCurve + random.nextInt(3) - 1;
			g.drawArc(-this.mouthWidth / 2, mouthY - Math.abs(curve), this.mouthWidth, Math.abs(curve) * 2 + 1,
					(curve >= 0) ? 180 : 0, 180);
			g.dispose();
			addNoise(image, random);
			return image;
		}

		private static void addNoise(BufferedImage image, Random random) {
			for (int y = 0; y < HEIGHT; y++) {
				for (int x = 0; x < WIDTH; x++) {
					int value = (image.getRaster().getSample(x, y, 0) + (int) Math.round(random.nextGaussian() * 4));
					image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, value)));
				}
			}
		}

		private static Color gray(int level) {
			int clamped = Math.max(0, Math.min(255, level));
			return new Color(clamped, clamped, clamped);
		}

	}

}
