package io.modelport.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples command writes the example inputs, the same on every run, without
 * Fashion-MNIST (drawn shapes) as on a machine without the Debian package.
 *
 * @author Modelport Team
 */
class SamplesCommandTests {

	@TempDir
	Path temp;

	@Test
	void writesEverySampleFromDrawnShapes() throws IOException {
		Path into = this.temp.resolve("samples");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = SamplesCommand.run(
				new String[] { "--into", into.toString(), "--fashion-mnist", this.temp.resolve("none").toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("clothes.zip", "boxes.zip", "vectors.bin", "faces");
		assertThat(entries(into.resolve("clothes.zip"))).hasSize(3 * SampleItems.PER_CLASS)
			.contains("circle/0.png", "square/11.png", "triangle/5.png");
		List<String> boxes = entries(into.resolve("boxes.zip"));
		assertThat(boxes).contains("classes.txt", "images/scene-0.png", "labels/scene-0.txt")
			.hasSize(1 + 2 * SampleDatasets.SCENES);
		assertThat(entries(into.resolve("faces.zip")))
			.hasSize(SampleFaces.TRAINING_PEOPLE * SampleFaces.TRAINING_PHOTOS)
			.contains("person-01/1.png", "person-12/5.png");
		for (String person : SampleFaces.PEOPLE) {
			Path photo = into.resolve("faces").resolve(person).resolve("1.png");
			var image = ImageIO.read(photo.toFile());
			assertThat(image.getWidth()).isEqualTo(SampleFaces.WIDTH);
			assertThat(image.getHeight()).isEqualTo(SampleFaces.HEIGHT);
		}
	}

	@Test
	void samplesAreTheSameOnEveryRun() throws IOException {
		Path first = this.temp.resolve("a");
		Path second = this.temp.resolve("b");
		SamplesCommand.write(first, this.temp.resolve("none"));
		SamplesCommand.write(second, this.temp.resolve("none"));
		for (String file : List.of("clothes.zip", "boxes.zip", "vectors.bin", "faces/ada/2.png", "faces.zip")) {
			assertThat(Files.readAllBytes(first.resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(second.resolve(file)));
		}
	}

	@Test
	void boxLabelsAreNormalisedYoloLines() throws IOException {
		SamplesCommand.write(this.temp, this.temp.resolve("none"));
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(this.temp.resolve("boxes.zip")))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().startsWith("labels/")) {
					for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
						String[] fields = line.trim().split(" ");
						assertThat(fields).hasSize(5);
						assertThat(Integer.parseInt(fields[0])).isBetween(0, 2);
						for (int i = 1; i < 5; i++) {
							assertThat(Double.parseDouble(fields[i])).isBetween(0.0, 1.0);
						}
					}
				}
			}
		}
	}

	@Test
	void vectorsAnswerTheAnalogies() throws IOException {
		Path file = SampleVectors.write(this.temp.resolve("vectors.bin"));
		Map<String, float[]> vectors = read(file);
		assertThat(vectors).hasSize(SampleVectors.vectors().size()).containsKeys("king", "queen", "Paris");
		assertThat(nearest(vectors, "man", "woman", "king")).isEqualTo("queen");
		assertThat(nearest(vectors, "france", "paris", "japan")).isEqualTo("tokyo");
		assertThat(nearest(vectors, "walk", "walked", "run")).isEqualTo("ran");
	}

	@Test
	void usageErrorsExitWithTwo() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(SamplesCommand.run(new String[] { "--bogus" }, System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: samples");
	}

	// The word2vec binary layout, read here independently of the service's reader.
	private static Map<String, float[]> read(Path file) throws IOException {
		Map<String, float[]> vectors = new java.util.LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			String[] header = line(in).split(" ");
			int count = Integer.parseInt(header[0]);
			int dimension = Integer.parseInt(header[1]);
			for (int i = 0; i < count; i++) {
				String word = word(in);
				ByteBuffer row = ByteBuffer.wrap(in.readNBytes(dimension * 4)).order(ByteOrder.LITTLE_ENDIAN);
				float[] vector = new float[dimension];
				for (int d = 0; d < dimension; d++) {
					vector[d] = row.getFloat();
				}
				assertThat(in.read()).isEqualTo('\n');
				vectors.put(word, vector);
			}
			assertThat(in.read()).isEqualTo(-1);
		}
		return vectors;
	}

	private static String nearest(Map<String, float[]> vectors, String a, String b, String c) {
		float[] target = vectors.get(b).clone();
		for (int i = 0; i < target.length; i++) {
			target[i] += vectors.get(c)[i] - vectors.get(a)[i];
		}
		String best = null;
		double bestScore = -2;
		for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
			if (List.of(a, b, c).contains(entry.getKey())) {
				continue;
			}
			double score = cosine(target, entry.getValue());
			if (score > bestScore) {
				bestScore = score;
				best = entry.getKey();
			}
		}
		return best;
	}

	private static double cosine(float[] x, float[] y) {
		double dot = 0;
		double nx = 0;
		double ny = 0;
		for (int i = 0; i < x.length; i++) {
			dot += x[i] * y[i];
			nx += x[i] * x[i];
			ny += y[i] * y[i];
		}
		return dot / Math.sqrt(nx * ny);
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			line.append((char) b);
		}
		return line.toString();
	}

	private static String word(InputStream in) throws IOException {
		ByteArrayOutputStream word = new ByteArrayOutputStream();
		for (int b = in.read(); b != ' '; b = in.read()) {
			word.write(b);
		}
		return word.toString(StandardCharsets.UTF_8);
	}

	private static List<String> entries(Path zip) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
