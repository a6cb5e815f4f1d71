package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelport.core.InvalidRequestException;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;

/**
 * The layout of an {@code image-folders} dataset: one folder per class, images directly
 * inside; classes in name order, label = index. Images are PNG, JPEG, GIF or BMP, or PGM
 * ({@code P5}/{@code P2}, the format face sets such as ORL come in; a face verifier
 * trains on them, one folder per identity).
 *
 * @author Modelport Team
 */
final class ImageFolders {

	private static final long MAX_IMAGE_BYTES = 256L * 1024 * 1024;

	private ImageFolders() {
	}

	/**
	 * The class folders, in label order.
	 * @param root the data folder
	 * @return the folders
	 * @throws IOException when the folder cannot be listed
	 */
	static List<Path> classFolders(Path root) throws IOException {
		return Folders.children(root).stream().filter(Files::isDirectory).toList();
	}

	/**
	 * The images of a class, in name order.
	 * @param classFolder the class folder
	 * @return the image files
	 * @throws IOException when the folder cannot be listed
	 */
	static List<Path> images(Path classFolder) throws IOException {
		return Folders.children(classFolder).stream().filter(Files::isRegularFile).toList();
	}

	/**
	 * Checks the layout and decodes every image.
	 * @param root the data folder
	 * @param decoder the decoder, with the pixel limit
	 * @return the details: {@code classes}, {@code classCount}, {@code images},
	 * {@code imagesPerClass}
	 * @throws IOException when a file cannot be read
	 * @throws InvalidRequestException when the layout is wrong or an image is invalid
	 */
	static Map<String, Object> validate(Path root, ImageDecoder decoder) throws IOException {
		List<Path> children = Folders.children(root);
		List<Path> classFolders = classFolders(root);
		if (classFolders.size() < 2) {
			throw new InvalidRequestException(
					"an image-folders dataset needs at least 2 class folders with images, found "
							+ classFolders.size());
		}
		for (Path child : children) {
			if (!Files.isDirectory(child)) {
				throw new InvalidRequestException("'" + child.getFileName() + "' is not inside a class folder");
			}
		}
		List<String> classes = new ArrayList<>();
		Map<String, Integer> perClass = new LinkedHashMap<>();
		int total = 0;
		for (Path classFolder : classFolders) {
			String className = classFolder.getFileName().toString();
			List<Path> files = Folders.children(classFolder);
			if (files.isEmpty()) {
				throw new InvalidRequestException("class folder '" + className + "' has no images");
			}
			for (Path file : files) {
				check(file, className + "/" + file.getFileName(), decoder);
			}
			classes.add(className);
			perClass.put(className, files.size());
			total += files.size();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("classes", classes);
		details.put("classCount", classes.size());
		details.put("images", total);
		details.put("imagesPerClass", perClass);
		return details;
	}

	private static void check(Path file, String entry, ImageDecoder decoder) throws IOException {
		if (Files.isDirectory(file)) {
			throw new InvalidRequestException(
					"'" + entry + "' is a nested folder: put the images directly in the class folders");
		}
		if (Files.size(file) > MAX_IMAGE_BYTES) {
			throw new InvalidRequestException(entry + " is larger than the limit of " + MAX_IMAGE_BYTES + " bytes");
		}
		byte[] bytes = Files.readAllBytes(file);
		try {
			decoder.decode(bytes);
		}
		catch (InvalidImageException ex) {
			throw new InvalidRequestException(entry + " cannot be decoded: " + ex.getMessage());
		}
	}

}
