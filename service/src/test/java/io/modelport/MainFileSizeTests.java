package io.modelport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps every main source file short enough to read in one sitting: at most
 * {@value #MAX_LINES} lines. A file that grows past it is split by responsibility, not
 * cut in half.
 *
 * @author Modelport Team
 */
class MainFileSizeTests {

	private static final int MAX_LINES = 300;

	// Files still over the limit when the limit came in, each pinned at its length then:
	// they may shrink (and leave this list) but not grow. Remove an entry once its file
	// is split.
	private static final Map<String, Integer> NOT_YET_SPLIT = Map.of();

	private static final Path MAIN = Path.of("src/main/java");

	@Test
	void noMainFileIsLongerThanTheLimit() throws IOException {
		List<String> tooLong = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String name = MAIN.relativize(file).toString().replace('\\', '/');
				long lines = lineCount(file);
				if (lines > NOT_YET_SPLIT.getOrDefault(name, MAX_LINES)) {
					tooLong.add(name + " has " + lines + " lines");
				}
			}
		}
		assertThat(tooLong).as("main files over %d lines", MAX_LINES).isEmpty();
	}

	@Test
	void theFilesNotYetSplitAreStillThere() throws IOException {
		// An entry whose file was split or removed should leave the list.
		for (Map.Entry<String, Integer> entry : NOT_YET_SPLIT.entrySet()) {
			Path file = MAIN.resolve(entry.getKey());
			assertThat(file).exists();
			assertThat(lineCount(file)).as(entry.getKey()).isGreaterThan(MAX_LINES);
		}
	}

	@Test
	void countsLinesAsWcDoes(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("A.java"), "a\nb\n\nc\n");
		assertThat(lineCount(file)).isEqualTo(4);
	}

	private static long lineCount(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
	}

}
