package io.modelport.detection.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

/**
 * Reads a detection data set in YOLO format: a folder with {@code images/} (PNG or JPEG
 * files) and {@code labels/} (one {@code .txt} per image, same base name, one object per
 * line as {@code class cx cy w h}, the centre and size normalised to [0, 1] by the image
 * size), and optionally {@code classes.txt} with one class name per line, in the folder
 * itself or in {@code labels/}. Without {@code classes.txt} the labels are the class
 * numbers "0", "1", ... up to the highest one used.
 * <p>
 * The reading is strict, since a silently misread label trains a silently wrong model:
 * every malformed line is an {@link IllegalArgumentException} naming the file and line.
 * An image without a label file has no objects (a background image); a label file without
 * an image is an error. Box edges that poke out of the image by at most a pixel
 * (rounding) are clipped; farther is an error. Other files in the folders are ignored.
 *
 * @author Modelport Team
 */
public final class YoloLabels {

	/** The optional file of class names. */
	public static final String CLASSES_FILE = "classes.txt";

	private static final String CLASSES_BASE = "classes";

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");

	private YoloLabels() {
	}

	/**
	 * Reads a data set.
	 * @param folder the folder with {@code images/} and {@code labels/}
	 * @param maxPixels the largest width × height accepted for one image
	 * @return the labels and the scenes, in image file name order
	 * @throws IOException when a file cannot be read
	 * @throws IllegalArgumentException when the data set is malformed
	 */
	public static DetectionData read(Path folder, long maxPixels) throws IOException {
		Path imageFolder = requireFolder(folder.resolve("images"));
		Path labelFolder = requireFolder(folder.resolve("labels"));
		Map<String, Path> images = byBaseName(imageFolder, IMAGE_EXTENSIONS);
		Map<String, Path> labelFiles = byBaseName(labelFolder, Set.of("txt"));
		Path names = folder.resolve(CLASSES_FILE);
		// labels/classes.txt holds class names (as LabelImg writes it) unless it labels
		// an
		// image of that name; the names in the folder itself take precedence.
		if (!images.containsKey(CLASSES_BASE)) {
			labelFiles.remove(CLASSES_BASE);
			names = Files.isRegularFile(names) ? names : labelFolder.resolve(CLASSES_FILE);
		}
		Optional<List<String>> known = classNames(names);
		if (images.isEmpty()) {
			throw new IllegalArgumentException("images/ holds no png or jpg images");
		}
		for (String base : labelFiles.keySet()) {
			if (!images.containsKey(base)) {
				throw new IllegalArgumentException("labels/" + base + ".txt has no image in images/");
			}
		}
		List<Scene> scenes = new ArrayList<>();
		int highest = -1;
		for (Map.Entry<String, Path> entry : images.entrySet()) {
			BufferedImage image = SceneImages.read(entry.getValue(), maxPixels);
			Path labelFile = labelFiles.get(entry.getKey());
			List<GroundTruth> objects = (labelFile != null)
					? objects(labelFile, image.getWidth(), image.getHeight(), known) : List.of();
			for (GroundTruth object : objects) {
				highest = Math.max(highest, object.classIndex());
			}
			scenes.add(SceneImages.toScene(image, objects));
		}
		int classCount = highest + 1;
		List<String> labels = known
			.orElseGet(() -> IntStream.range(0, classCount).mapToObj(Integer::toString).toList());
		return new DetectionData(labels, scenes);
	}

	private static List<GroundTruth> objects(Path file, int width, int height, Optional<List<String>> known)
			throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		List<GroundTruth> objects = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (!line.isEmpty()) {
				objects.add(object(line, width, height, known, "labels/" + file.getFileName() + " line " + (i + 1)));
			}
		}
		return objects;
	}

	private static GroundTruth object(String line, int width, int height, Optional<List<String>> known, String where) {
		String[] fields = line.split("\\s+");
		if (fields.length != 5) {
			throw new IllegalArgumentException(where + ": expected 5 fields (class cx cy w h), got " + fields.length);
		}
		int classIndex;
		try {
			classIndex = Integer.parseInt(fields[0]);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(where + ": class '" + fields[0] + "' is not a whole number");
		}
		if (classIndex < 0 || (known.isPresent() && classIndex >= known.get().size())) {
			throw new IllegalArgumentException(where + ": class " + classIndex + " is out of range"
					+ known.map((labels) -> " (" + labels.size() + " classes in " + CLASSES_FILE + ")").orElse(""));
		}
		float[] values = new float[4];
		for (int f = 0; f < 4; f++) {
			values[f] = number(fields[f + 1], where);
			// Written so that NaN fails too.
			if (!(values[f] >= 0 && values[f] <= 1)) {
				throw new IllegalArgumentException(where + ": " + fields[f + 1] + " is outside [0, 1]");
			}
		}
		if (values[2] <= 0 || values[3] <= 0) {
			throw new IllegalArgumentException(
					where + ": the box size must be positive, was " + fields[3] + " x " + fields[4]);
		}
		BoundingBox box = SceneImages.inside(
				BoundingBox.fromCenter(values[0] * width, values[1] * height, values[2] * width, values[3] * height),
				width, height);
		if (box == null) {
			throw new IllegalArgumentException(where + ": the box extends outside the image");
		}
		return new GroundTruth(classIndex, box);
	}

	private static float number(String field, String where) {
		try {
			return Float.parseFloat(field);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(where + ": '" + field + "' is not a number");
		}
	}

	private static Optional<List<String>> classNames(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		List<String> names = new ArrayList<>(
				Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList());
		// Trailing blank lines are a common editor artefact; a blank line between names
		// would shift every class after it, so it is refused.
		while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
			names.remove(names.size() - 1);
		}
		if (names.isEmpty()) {
			throw new IllegalArgumentException(CLASSES_FILE + " names no classes");
		}
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).isEmpty() || names.indexOf(names.get(i)) != i) {
				throw new IllegalArgumentException(
						CLASSES_FILE + " line " + (i + 1) + ": empty or repeated class name '" + names.get(i) + "'");
			}
		}
		return Optional.of(List.copyOf(names));
	}

	private static Path requireFolder(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("no " + folder.getFileName() + "/ folder in " + folder.getParent());
		}
		return folder;
	}

	private static Map<String, Path> byBaseName(Path folder, Set<String> extensions) throws IOException {
		Map<String, Path> files = new TreeMap<>();
		try (Stream<Path> list = Files.list(folder)) {
			for (Path file : list.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				int dot = name.lastIndexOf('.');
				if (dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
					Path previous = files.put(name.substring(0, dot), file);
					if (previous != null) {
						throw new IllegalArgumentException(folder.getFileName() + "/ holds both "
								+ previous.getFileName() + " and " + name + ": which one is labelled?");
					}
				}
			}
		}
		return files;
	}

}
