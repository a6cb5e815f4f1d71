package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a face set laid out as one folder per identity, the layout of the ORL faces and
 * of most face data sets: the folder name is the identity, every image inside is one of
 * that person's faces.
 *
 * @author Modelport Team
 */
final class FaceFolders {

	private FaceFolders() {
	}

	/**
	 * Reads the identity folders of a root folder (see
	 * {@link FaceImages#readFolders(Path, long)}).
	 * @param root the folder
	 * @param maxPixels the largest width × height accepted for one image
	 * @return the face set
	 * @throws IOException when a file cannot be read
	 */
	static FaceImages read(Path root, long maxPixels) throws IOException {
		List<Path> folders = sortedEntries(root,
				(folder) -> Files.isDirectory(folder) && !folder.getFileName().toString().startsWith("."));
		if (folders.size() < 2) {
			throw new IllegalArgumentException(
					root + " holds " + folders.size() + " identity folders; at least 2 are needed");
		}
		List<String> names = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		List<byte[]> images = new ArrayList<>();
		int width = -1;
		int height = -1;
		for (Path folder : folders) {
			List<Path> files = sortedEntries(folder, (file) -> Files.isRegularFile(file) && GrayFiles.isImage(file));
			if (files.size() < 2) {
				throw new IllegalArgumentException(
						folder + " holds " + files.size() + " images; an identity needs at least 2");
			}
			for (Path file : files) {
				GrayPicture picture = GrayFiles.read(file, maxPixels);
				if (width < 0) {
					width = picture.width();
					height = picture.height();
				}
				if (picture.width() != width || picture.height() != height) {
					throw new IllegalArgumentException(file + " is " + picture.width() + "x" + picture.height()
							+ " but the other faces are " + width + "x" + height);
				}
				labels.add(names.size());
				images.add(picture.pixels());
			}
			names.add(folder.getFileName().toString());
		}
		byte[] pixels = new byte[images.size() * width * height];
		for (int i = 0; i < images.size(); i++) {
			System.arraycopy(images.get(i), 0, pixels, i * width * height, width * height);
		}
		return new FaceImages(names, labels.stream().mapToInt(Integer::intValue).toArray(), width, height, pixels);
	}

	private static List<Path> sortedEntries(Path folder, Predicate<Path> filter) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(filter)
				.sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
				.toList();
		}
	}

}
