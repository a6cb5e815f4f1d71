package io.modelport.detection.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

/**
 * Reads a detection data set in COCO format: a JSON file with {@code images} ({@code id},
 * {@code file_name}, {@code width}, {@code height}), {@code annotations}
 * ({@code image_id}, {@code category_id}, {@code bbox} as {@code [x, y, w, h]} in pixels)
 * and {@code categories} ({@code id}, {@code name}), plus the folder that holds the image
 * files. Category ids, which need not be contiguous (COCO's own skip numbers), become
 * class indices 0, 1, ... in ascending id order; the labels are the category names.
 * <p>
 * Annotations with {@code iscrowd: 1} are skipped: they mark a crowd of objects under one
 * box (and a run-length mask), which would teach a detector to draw one box around many
 * objects. Images keep the order of the file; every inconsistency (unknown ids, a box
 * outside its image, a missing or mis-sized image file) is an
 * {@link IllegalArgumentException} that says where. Box edges that poke out of the image
 * by at most a pixel (rounding) are clipped.
 *
 * @author Modelport Team
 */
public final class CocoAnnotations {

	private static final JsonMapper json = JsonMapper.builder().build();

	private CocoAnnotations() {
	}

	/**
	 * Reads a data set.
	 * @param annotationFile the COCO JSON file
	 * @param imageFolder the folder the images' {@code file_name}s are relative to
	 * @param maxPixels the largest width × height accepted for one image
	 * @return the labels and the scenes
	 * @throws IOException when a file cannot be read
	 * @throws IllegalArgumentException when the data set is malformed
	 */
	public static DetectionData read(Path annotationFile, Path imageFolder, long maxPixels) throws IOException {
		String source = String.valueOf(annotationFile.getFileName());
		JsonNode root = parse(annotationFile, source);
		TreeMap<Integer, String> categories = new TreeMap<>();
		for (JsonNode category : CocoFields.array(root, "categories", source, true)) {
			int id = CocoFields.integer(category, "id", source + " category");
			if (categories.put(id, CocoFields.text(category, "name", source + " category " + id)) != null) {
				throw new IllegalArgumentException(source + ": category id " + id + " appears twice");
			}
		}
		Map<Integer, Integer> classOf = new HashMap<>();
		categories.keySet().forEach((id) -> classOf.put(id, classOf.size()));
		Map<Integer, CocoImage> images = new LinkedHashMap<>();
		for (JsonNode node : CocoFields.array(root, "images", source, true)) {
			CocoImage image = CocoImage.of(node, source);
			if (images.put(image.id(), image) != null) {
				throw new IllegalArgumentException(source + ": image id " + image.id() + " appears twice");
			}
		}
		if (images.isEmpty()) {
			throw new IllegalArgumentException(source + " lists no images");
		}
		int index = 0;
		for (JsonNode annotation : CocoFields.array(root, "annotations", source, false)) {
			String where = source + " annotation " + index++;
			if (annotation.path("iscrowd").asInt(0) != 1) {
				annotate(annotation, where, images, classOf);
			}
		}
		List<Scene> scenes = new ArrayList<>();
		for (CocoImage image : images.values()) {
			scenes.add(image.load(imageFolder, maxPixels, source));
		}
		return new DetectionData(List.copyOf(categories.values()), scenes);
	}

	private static void annotate(JsonNode annotation, String where, Map<Integer, CocoImage> images,
			Map<Integer, Integer> classOf) {
		int imageId = CocoFields.integer(annotation, "image_id", where);
		int categoryId = CocoFields.integer(annotation, "category_id", where);
		CocoImage image = images.get(imageId);
		if (image == null) {
			throw new IllegalArgumentException(where + ": unknown image_id " + imageId);
		}
		Integer classIndex = classOf.get(categoryId);
		if (classIndex == null) {
			throw new IllegalArgumentException(where + ": unknown category_id " + categoryId);
		}
		JsonNode bbox = annotation.get("bbox");
		if (bbox == null || !bbox.isArray() || bbox.size() != 4
				|| !bbox.values().stream().allMatch(JsonNode::isNumber)) {
			throw new IllegalArgumentException(where + ": bbox must be [x, y, width, height] in pixels, was " + bbox);
		}
		float width = bbox.get(2).floatValue();
		float height = bbox.get(3).floatValue();
		if (!(width > 0 && height > 0)) {
			throw new IllegalArgumentException(where + ": bbox " + bbox + " has no area");
		}
		BoundingBox box = SceneImages.inside(
				new BoundingBox(bbox.get(0).floatValue(), bbox.get(1).floatValue(), width, height), image.width(),
				image.height());
		if (box == null) {
			throw new IllegalArgumentException(where + ": bbox " + bbox + " lies outside image " + imageId + " ("
					+ image.fileName() + ", " + image.width() + "x" + image.height() + ")");
		}
		image.objects().add(new GroundTruth(classIndex, box));
	}

	private static JsonNode parse(Path file, String source) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode root = json.readTree(in);
			if (root == null || !root.isObject()) {
				throw new IllegalArgumentException(source + " does not hold a JSON object");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(source + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * One entry of {@code images}, collecting its objects while annotations are read.
	 */
	private record CocoImage(int id, String fileName, int width, int height, List<GroundTruth> objects) {

		static CocoImage of(JsonNode node, String source) {
			int id = CocoFields.integer(node, "id", source + " image");
			String where = source + " image " + id;
			int width = CocoFields.integer(node, "width", where);
			int height = CocoFields.integer(node, "height", where);
			if (width <= 0 || height <= 0) {
				throw new IllegalArgumentException(where + ": size " + width + "x" + height + " is not positive");
			}
			return new CocoImage(id, CocoFields.text(node, "file_name", where), width, height, new ArrayList<>());
		}

		Scene load(Path folder, long maxPixels, String source) throws IOException {
			String where = source + " image " + this.id + " (" + this.fileName + ")";
			Path base = folder.toAbsolutePath().normalize();
			Path file = base.resolve(this.fileName).normalize();
			// A data set is user input: its file names must not reach outside its folder.
			if (!file.startsWith(base)) {
				throw new IllegalArgumentException(where + ": file_name leaves the image folder");
			}
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(where + ": no such file in " + folder);
			}
			BufferedImage image = SceneImages.read(file, maxPixels);
			if (image.getWidth() != this.width || image.getHeight() != this.height) {
				throw new IllegalArgumentException(where + ": the file is " + image.getWidth() + "x" + image.getHeight()
						+ " but the annotations say " + this.width + "x" + this.height);
			}
			return SceneImages.toScene(image, this.objects);
		}

	}

}
