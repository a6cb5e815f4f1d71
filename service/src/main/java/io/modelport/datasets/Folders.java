package io.modelport.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * File helpers shared by validation and loading, so both see the same files in the same
 * order.
 *
 * @author Modelport Team
 */
final class Folders {

	private Folders() {
	}

	/**
	 * The visible entries of a folder, sorted by name: dot-files and {@code __MACOSX} are
	 * left out.
	 * @param directory the folder
	 * @return the entries
	 * @throws IOException when the folder cannot be listed
	 */
	static List<Path> children(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter((entry) -> isVisible(entry.getFileName().toString()))
				.sorted(Comparator.comparing((entry) -> entry.getFileName().toString()))
				.toList();
		}
	}

	static boolean isVisible(String name) {
		return !name.startsWith(".") && !name.equals("__MACOSX");
	}

	/**
	 * Deletes a folder and everything in it, if it exists.
	 * @param directory the folder
	 * @throws IOException when something cannot be deleted
	 */
	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
