package io.modelport.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ```bash} blocks of the README and docs, with what each one expects: the
 * {@code # {...}} comment lines (on their own or after a command) that show an answer.
 *
 * @author Modelport Team
 */
final class ReadmeExamples {

	private static final Pattern TRAILING = Pattern.compile("\\s#\\s+(?:\\d{3}\\s+)?(\\{.*)$");

	private static final Pattern FULL = Pattern.compile("^\\s*#\\s+(?:\\d{3}\\s+)?(\\{.*)$");

	private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z-]*>");

	private static final Pattern INPUT = Pattern.compile("@([^\\s$\"')]+)");

	// Commands a test cannot run: builds, installs, containers, clusters.
	private static final Pattern TOOLING = Pattern
		.compile("(^|[\\s;&|(])(\\./mvnw|mvn|java|docker|docker-compose|kubectl|apt-get|apt|sudo)\\s");

	private ReadmeExamples() {
	}

	static List<Block> blocks(Path root) throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(root.resolve("README.md"));
		Path docs = root.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> walk = Files.walk(docs)) {
				walk.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
			}
		}
		List<Block> blocks = new ArrayList<>();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).strip().equals("```bash")) {
					int start = i + 1;
					int end = start;
					while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
						end++;
					}
					blocks.add(new Block(root.relativize(file) + ":" + (start + 1), lines.subList(start, end)));
					i = end;
				}
			}
		}
		return blocks;
	}

	/**
	 * One block.
	 *
	 * @param where file and first line
	 * @param lines the block's lines
	 */
	record Block(String where, List<String> lines) {

		String text() {
			return String.join("\n", this.lines);
		}

		/**
		 * Why the block cannot run against a live service from a clean clone, or
		 * {@code null} when it can.
		 * @param root the repository root, where inputs are looked up
		 * @return the reason, or {@code null}
		 */
		String notRunnable(Path root) {
			String text = text();
			if (!text.contains("localhost:8080")) {
				return "does not talk to the service";
			}
			for (String line : this.lines) {
				String command = line.strip();
				if (!command.startsWith("#") && TOOLING.matcher(" " + command).find()) {
					return "runs build or infrastructure tools: " + command;
				}
			}
			if (text.contains("../")) {
				return "reads files outside the repository";
			}
			Matcher placeholder = PLACEHOLDER.matcher(text);
			if (placeholder.find()) {
				return "has a placeholder to fill in: " + placeholder.group();
			}
			Matcher input = INPUT.matcher(text);
			while (input.find()) {
				if (!Files.exists(root.resolve(input.group(1)))) {
					return "needs an input that is not in the repository or samples/: " + input.group(1);
				}
			}
			return null;
		}

		/**
		 * The answers the block shows, by the block line (0-based) they are written on.
		 * @return the expectations, in block order
		 */
		List<Expectation> expectations() {
			List<Expectation> expectations = new ArrayList<>();
			for (int i = 0; i < this.lines.size(); i++) {
				String line = this.lines.get(i);
				Matcher full = FULL.matcher(line);
				if (full.find()) {
					StringBuilder text = new StringBuilder(full.group(1));
					while (i + 1 < this.lines.size() && this.lines.get(i + 1).strip().startsWith("#")
							&& !FULL.matcher(this.lines.get(i + 1)).find()) {
						text.append(this.lines.get(++i).strip().substring(1));
					}
					expectations.add(new Expectation(i, text.toString()));
				}
				else if (!line.strip().startsWith("#")) {
					Matcher trailing = TRAILING.matcher(line);
					if (trailing.find()) {
						expectations.add(new Expectation(i, trailing.group(1)));
					}
				}
			}
			return expectations;
		}

	}

	/**
	 * An answer a block shows.
	 *
	 * @param line the block line (0-based) of its last line
	 * @param json the shown JSON, with {@code ...} where parts are left out
	 */
	record Expectation(int line, String json) {

	}

}
