package io.modelport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import io.modelport.datasets.ImageSet;
import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;
import io.modelport.detection.training.SceneGenerator;
import io.modelport.detection.training.SceneImages;
import io.modelport.detection.training.SceneSettings;
import io.modelport.imaging.PngImages;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorWriter;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * The committed test fixtures: a tiny Fashion-MNIST classifier trained by this project's
 * own trainer (see docs/development.md, "Test fixtures") and sample PNGs from the
 * Fashion-MNIST test split, plus helpers to lay out temporary model stores.
 *
 * @author Modelport Team
 */
public final class Fixtures {

	/** The fixture model's name. */
	public static final String TINY_MODEL = "tiny-fashion";

	/** The folder of the committed fixture model store. */
	public static final Path MODEL_STORE = Path.of("src/test/resources/model-store");

	/** The folder of the committed sample images. */
	public static final Path IMAGES = Path.of("src/test/resources/images/fashion-mnist");

	private Fixtures() {
	}

	/**
	 * Reads a sample image.
	 * @param name the file name, for example {@code trouser.png}
	 * @return the PNG bytes
	 */
	public static byte[] image(String name) {
		try {
			return Files.readAllBytes(IMAGES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new temporary model store holding the fixture model as version 1.
	 * @param prefix the temporary folder's name prefix
	 * @return the store folder
	 */
	public static Path tinyModelStore(String prefix) {
		try {
			Path store = Files.createTempDirectory(prefix);
			copyTinyModel(store, TINY_MODEL, 1);
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies version 1 of the fixture model into a store as the given model and version.
	 * @param store the store folder
	 * @param name the model name to use
	 * @param version the version folder to create
	 * @return the version folder
	 */
	public static Path copyTinyModel(Path store, String name, int version) {
		Path target = store.resolve(name).resolve(Integer.toString(version));
		copyTree(MODEL_STORE.resolve(TINY_MODEL).resolve("1"), target);
		// A descriptor states its own version; a copy published as another version says
		// so.
		Path descriptor = target.resolve("descriptor.yaml");
		try {
			Files.writeString(descriptor,
					Files.readString(descriptor).replaceFirst("(?m)^version: \\d+$", "version: " + version));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/**
	 * Copies a folder tree.
	 * @param source the folder to copy
	 * @param target where to put the copy
	 */
	public static void copyTree(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * 28×28 images of three noisy classes: a block top-left, a block bottom-right, a
	 * horizontal bar.
	 */
	public static ImageSet shapes(int count, Random random) {
		byte[] pixels = new byte[count * 28 * 28];
		int[] labels = new int[count];
		for (int i = 0; i < count; i++) {
			int label = i % 3;
			labels[i] = label;
			for (int r = 0; r < 28; r++) {
				for (int c = 0; c < 28; c++) {
					boolean on = switch (label) {
						case 0 -> r < 12 && c < 12;
						case 1 -> r >= 16 && c >= 16;
						default -> r >= 12 && r < 16;
					};
					int value = (on ? 200 : 0) + random.nextInt(40);
					pixels[(i * 28 + r) * 28 + c] = (byte) value;
				}
			}
		}
		return new ImageSet(count, 28, 28, pixels, labels);
	}

	/**
	 * A zip of IDX files (the {@code idx} data set kind) holding synthetic shapes.
	 * @param train the number of training images
	 * @param test the number of test images
	 * @return the zip bytes
	 */
	public static byte[] shapesIdxZip(int train, int test) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			writeIdx(zip, "train", shapes(train, new java.util.Random(11)));
			writeIdx(zip, "t10k", shapes(test, new java.util.Random(12)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A zip of a YOLO-format detection data set (the {@code yolo} kind): scenes of
	 * synthetic shapes, 56×48 pixels so letterboxing has work to do.
	 * @param scenes the number of images
	 * @param badLine a label line to append to the first label file, {@code null} for
	 * none
	 * @return the zip bytes
	 */
	public static byte[] shapesYoloZip(int scenes, String badLine) {
		ImageSet items = shapes(60, new java.util.Random(13));
		List<Scene> generated = new SceneGenerator(items, new SceneSettings(56, 2, 14, 22, 0.3, 2, 4), 17)
			.generate(scenes);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("classes.txt"));
			zip.write("circle\nsquare\ncross\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			for (int i = 0; i < generated.size(); i++) {
				Scene scene = generated.get(i);
				// Crop to 56×48: a non-square image.
				java.awt.image.BufferedImage image = SceneImages.toImage(scene).getSubimage(0, 0, 56, 48);
				zip.putNextEntry(new java.util.zip.ZipEntry("images/scene-" + i + ".png"));
				zip.write(PngImages.encode(image));
				StringBuilder labels = new StringBuilder();
				for (GroundTruth object : scene.objects()) {
					BoundingBox box = object.box();
					if (box.bottom() > 48) {
						continue;
					}
					labels.append(String.format(java.util.Locale.ROOT, "%d %.5f %.5f %.5f %.5f%n", object.classIndex(),
							(box.x() + box.width() / 2) / 56, (box.y() + box.height() / 2) / 48, box.width() / 56,
							box.height() / 48));
				}
				if (i == 0 && badLine != null) {
					labels.append(badLine).append('\n');
				}
				zip.putNextEntry(new java.util.zip.ZipEntry("labels/scene-" + i + ".txt"));
				zip.write(labels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void writeIdx(java.util.zip.ZipOutputStream zip, String prefix, ImageSet set) throws IOException {
		java.io.ByteArrayOutputStream images = new java.io.ByteArrayOutputStream();
		java.io.DataOutputStream out = new java.io.DataOutputStream(images);
		out.writeInt(0x803);
		out.writeInt(set.count());
		out.writeInt(set.rows());
		out.writeInt(set.cols());
		out.write(set.pixels());
		zip.putNextEntry(new java.util.zip.ZipEntry(prefix + "-images-idx3-ubyte"));
		zip.write(images.toByteArray());
		zip.closeEntry();
		java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
		out = new java.io.DataOutputStream(labels);
		out.writeInt(0x801);
		out.writeInt(set.count());
		for (int label : set.labels()) {
			out.write(label);
		}
		zip.putNextEntry(new java.util.zip.ZipEntry(prefix + "-labels-idx1-ubyte"));
		zip.write(labels.toByteArray());
		zip.closeEntry();
	}

	/**
	 * Finds the single parameter file of a version folder.
	 * @param version the version folder
	 * @return the file
	 */
	public static Path paramsFile(Path version) {
		try (Stream<Path> files = Files.list(version)) {
			return files.filter((file) -> file.toString().endsWith(".params")).findFirst().orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// A CNN far heavier than the shipped one (about ResNet-18's cost per image at 96×96),
	// with random weights: only its compute cost matters here.
	/**
	 * Writes a CNN with random weights whose compute cost matters, not its answers.
	 * @param directory the version folder, named by its version number
	 * @param dense the width of the dense layer (2048 gives about 300 MB of parameters)
	 * @throws IOException when it cannot be written
	 */
	public static void heavyModel(Path directory, int dense) throws IOException {
		Files.createDirectories(directory);
		int version = Integer.parseInt(directory.getFileName().toString());
		ConvClassifier architecture = new ConvClassifier(List.of(64, 128, 256), 2, dense, 0.0, 10);
		InputSpec input = new InputSpec(96, 96, 1, 255f, null, null);
		try (Model model = Model.newInstance("heavy", Device.cpu(), "PyTorch");
				NDManager manager = NDManager.newBaseManager(Device.cpu())) {
			model.setBlock(architecture.build());
			model.getBlock().initialize(manager, DataType.FLOAT32, new Shape(1, 1, 96, 96));
			model.setProperty("Epoch", "1");
			model.save(directory, "heavy-cnn");
		}
		Path weights = directory.resolve("heavy-cnn-0001.params");
		List<String> labels = Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
		DescriptorWriter.write(new ModelDescriptor("heavy-cnn", version, Task.CLASSIFIER, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.CONV_CLASSIFIER, architecture.toParameters()),
				List.of(new Artifact(weights.getFileName().toString(), Checksums.sha256(weights))), input, labels,
				Map.of("topK", 5), Map.of("trainedBy", "benchmark (random weights)", "quality", Map.of()), directory));
	}

	/**
	 * Writes a {@code yolo-detector} whose output does not depend on the image: every
	 * convolution is zero except the head's bias, so each cell of its 2×2 grid (input
	 * 32×32, one anchor of 1×1 cell) predicts class {@code a} with objectness σ(3) and
	 * class probability σ(2), centred in the cell and exactly one cell in size: four
	 * boxes that tile the input, each scoring 0.9526 × 0.8808 = 0.8391.
	 * @param directory the version folder, named by its version number
	 * @throws IOException when it cannot be written
	 */
	public static void constantDetector(Path directory) throws IOException {
		Files.createDirectories(directory);
		int version = Integer.parseInt(directory.getFileName().toString());
		YoloDetectorNet architecture = new YoloDetectorNet(List.of(4, 4, 4, 4), 4, 1, 2);
		try (Model model = Model.newInstance("constant", Device.cpu(), "PyTorch");
				NDManager manager = NDManager.newBaseManager(Device.cpu())) {
			model.setBlock(architecture.build());
			model.getBlock().initialize(manager, DataType.FLOAT32, new Shape(1, 1, 32, 32));
			List<Parameter> convolutions = model.getBlock()
				.getParameters()
				.values()
				.stream()
				.filter((p) -> p.getType() == Parameter.Type.WEIGHT || p.getType() == Parameter.Type.BIAS)
				.toList();
			convolutions.forEach((p) -> p.getArray().set(new float[(int) p.getArray().size()]));
			// [t_o, t_x, t_y, t_h, t_w, class a, class b]
			convolutions.get(convolutions.size() - 1).getArray().set(new float[] { 3, 0, 0, 0, 0, 2, 0 });
			model.setProperty("Epoch", "1");
			model.save(directory, "constant");
		}
		Path weights = directory.resolve("constant-0001.params");
		Map<String, Object> parameters = new java.util.LinkedHashMap<>();
		parameters.put("outputLayout", "grid");
		parameters.put("anchors", List.of(List.of(1.0, 1.0)));
		parameters.put("scoreThreshold", 0.5);
		parameters.put("iouThreshold", 0.5);
		parameters.put("maxDetections", 100);
		DescriptorWriter
			.write(new ModelDescriptor("constant-detector", version, Task.DETECTOR, ArtifactFormat.DJL_PARAMS,
					new Architecture(ArchitectureCatalog.YOLO_DETECTOR, architecture.toParameters()),
					List.of(new Artifact(weights.getFileName().toString(), Checksums.sha256(weights))),
					new InputSpec(32, 32, 1, 255f, null, null), List.of("a", "b"), parameters,
					Map.of("trainedBy", "test fixture (constant output)", "quality", Map.of()), directory));
	}

}
