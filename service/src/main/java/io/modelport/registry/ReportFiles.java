package io.modelport.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.MediaType;

/**
 * The report files a training run leaves next to a version's descriptor: the evaluation
 * ({@code evaluation.json}) and its pictures ({@code *.png}, for example a face
 * verifier's {@code roc.png}). Only such plain names are served: never weights, never a
 * path outside the version folder.
 *
 * @author Modelport Team
 */
final class ReportFiles {

	private static final Pattern NAME = Pattern.compile("(evaluation\\.json|[a-z0-9][a-z0-9-]{0,63}\\.png)");

	private ReportFiles() {
	}

	/**
	 * Lists the report files of a version folder.
	 * @param directory the version folder
	 * @return the file names, sorted
	 */
	static List<String> list(Path directory) {
		if (directory == null || !Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			// Never a link: a report name must not become a way to read another file.
			return files.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.map((file) -> file.getFileName().toString())
				.filter((name) -> NAME.matcher(name).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads one report file.
	 * @param directory the version folder
	 * @param name the file name
	 * @return the bytes
	 * @throws ModelNotFoundException when the name is not a report file of the version
	 */
	static byte[] read(Path directory, String name) {
		if (!list(directory).contains(name)) {
			throw new ModelNotFoundException(
					"the version has no report file '" + name + "'; it has " + list(directory));
		}
		try {
			return Files.readAllBytes(directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The media type of a report file.
	 * @param name the file name
	 * @return the JSON or PNG media type
	 */
	static MediaType type(String name) {
		return name.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.APPLICATION_JSON;
	}

}
