package io.modelport.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.modelport.SlowTest;
import io.modelport.datasets.FashionMnist;
import io.modelport.samples.SamplesCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every runnable {@code ```bash} example of README.md and docs/*.md with bash, from
 * the repository root, against the service serving the shipped models (with the inputs
 * the samples command writes), as a new user would paste them: {@code localhost:8080}
 * becomes the test's port and {@code curl} fails on an error status
 * ({@code --fail-with-body}). A block fails on any command's error, or on an answer
 * without the fields its {@code # {...}} comment shows. Blocks that cannot run (builds,
 * containers, placeholders, inputs not in the repository) are listed in the output with
 * the reason.
 *
 * @author Modelport Team
 */
@SlowTest
class ReadmeExamplesTests extends ShippedService {

	private static final Pattern MARKER = Pattern.compile("(?m)^@@LINE (\\d+)$");

	private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Z][A-Z0-9_]*=\\S.*$");

	// Answers today's README shows wrongly: reported, not compared. The README rewrite
	// replaces them; remove an entry when its comment is gone.
	private static final List<String> KNOWN_STALE = List.of();

	private static final String PREAMBLE = """
			set -eo pipefail
			curl() { command curl --fail-with-body -sS "$@"; }
			""";

	private static final String TRAP = "trap 'printf \"\\n@@LINE %s\\n\" \"$LINENO\"' DEBUG\n";

	// Variables a page sets (B=..., IMG=...) carry over to its later blocks, as in the
	// shell of a reader who pastes them in order.
	private final List<String> carried = new ArrayList<>();

	@Test
	void everyExampleRunsAndAnswersAsShown() throws Exception {
		SamplesCommand.write(ROOT.resolve("samples"), FashionMnist.DEBIAN_LOCATION);
		List<ReadmeExamples.Block> blocks = ReadmeExamples.blocks(ROOT);
		List<String> failures = new ArrayList<>();
		int ran = 0;
		String page = "";
		Set<Path> before = topLevel();
		try {
			for (ReadmeExamples.Block block : blocks) {
				String reason = block.notRunnable(ROOT);
				if (reason != null) {
					System.out.println("README example " + block.where() + " not run: " + reason);
					continue;
				}
				ran++;
				if (!block.where().startsWith(page)) {
					page = block.where().substring(0, block.where().indexOf(':') + 1);
					this.carried.clear();
				}
				String failure = run(block);
				block.lines().stream().filter((line) -> ASSIGNMENT.matcher(line).matches()).forEach(this.carried::add);
				System.out.println("README example " + block.where() + ((failure != null) ? " FAILED" : " passed"));
				if (failure != null) {
					failures.add(block.where() + ": " + failure);
				}
			}
		}
		finally {
			removeNewFiles(before);
		}
		System.out.println("README examples: " + ran + " run, " + failures.size() + " failed, " + (blocks.size() - ran)
				+ " not runnable");
		assertThat(ran).isGreaterThan(5);
		assertThat(failures).isEmpty();
	}

	private String run(ReadmeExamples.Block block) throws IOException, InterruptedException {
		String base = "http://127.0.0.1:" + this.port;
		String body = block.text().replace("http://localhost:8080", base).replace("localhost:8080", base);
		String head = PREAMBLE + String.join("\n", this.carried).replace("localhost:8080", "127.0.0.1:" + this.port)
				+ "\n" + TRAP;
		int offset = (int) head.lines().count();
		Path script = Files.createTempFile(TEMP, "example-", ".sh");
		Files.writeString(script, head + body + "\n");
		Process process = new ProcessBuilder("bash", script.toString()).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return "timed out";
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			return "exit " + process.exitValue() + ": " + tail(text);
		}
		List<int[]> markers = new ArrayList<>();
		Matcher marker = MARKER.matcher(text);
		while (marker.find()) {
			markers.add(new int[] { Integer.parseInt(marker.group(1)) - offset - 1, marker.start(), marker.end() });
		}
		for (ReadmeExamples.Expectation expectation : block.expectations()) {
			if (KNOWN_STALE.stream().anyMatch(expectation.json()::startsWith)) {
				System.out.println("README example " + block.where() + " line " + (expectation.line() + 1)
						+ ": known stale answer, not compared: " + expectation.json());
				continue;
			}
			String answer = answerBefore(text, markers, expectation.line());
			List<String> missing = AnswerFields.mismatches(expectation.json(), answer);
			if (!missing.isEmpty()) {
				return "line " + (expectation.line() + 1) + " shows " + missing + " but the answer was " + tail(answer);
			}
		}
		return null;
	}

	// The output of the last command that starts at or before a comment's line.
	private static String answerBefore(String output, List<int[]> markers, int line) {
		for (int i = markers.size() - 1; i >= 0; i--) {
			if (markers.get(i)[0] <= line) {
				int end = (i + 1 < markers.size()) ? markers.get(i + 1)[1] : output.length();
				return output.substring(markers.get(i)[2], end).strip();
			}
		}
		return "";
	}

	private static String tail(String text) {
		String clean = MARKER.matcher(text).replaceAll("").strip();
		return (clean.length() > 600) ? "..." + clean.substring(clean.length() - 600) : clean;
	}

	private static Set<Path> topLevel() throws IOException {
		try (Stream<Path> files = Files.list(ROOT)) {
			return new HashSet<>(files.toList());
		}
	}

	// Examples save answers (-o boxes.png): what they leave in the root is removed so the
	// work tree stays clean.
	private static void removeNewFiles(Set<Path> before) throws IOException {
		for (Path file : topLevel()) {
			if (!before.contains(file) && Files.isRegularFile(file)) {
				Files.delete(file);
			}
		}
	}

}
