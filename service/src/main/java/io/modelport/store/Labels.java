package io.modelport.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a label file: one label per line, line number = output index (DJL's
 * {@code synset.txt} convention). Blank lines at the end are ignored.
 *
 * @author Modelport Team
 */
public final class Labels {

	private Labels() {
	}

	/**
	 * Reads the labels.
	 * @param file the label file
	 * @return the labels in output order
	 * @throws InvalidModelException when the file cannot be read
	 */
	public static List<String> read(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			int end = lines.size();
			while (end > 0 && lines.get(end - 1).isBlank()) {
				end--;
			}
			return lines.subList(0, end).stream().map(String::strip).toList();
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot read labels from " + file.getFileName() + ": " + ex.getMessage(),
					ex);
		}
	}

}
