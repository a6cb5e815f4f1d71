package io.modelport.datasets;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in {@code kjv-bible} text corpus: the King James Bible as printed by the
 * {@code bible} program of Debian's {@code bible-kjv} package (its data file is
 * compressed and cannot be read directly). {@code bible -l0 "gen1:1-rev22:21"} prints a
 * {@code Genesis 1} line before each chapter and each verse on one line after its number;
 * the corpus keeps the verse texts, one verse a sentence: 31,102 verses, about 790,000
 * words.
 *
 * @author Modelport Team
 */
public final class KjvBible {

	/** The data set name. */
	public static final String NAME = "kjv-bible";

	/** The passage printed: the whole Bible. */
	public static final String PASSAGE = "gen1:1-rev22:21";

	// The whole text is 4.5 MB; more means the command is not the KJV printer.
	private static final long MAX_BYTES = 64L * 1024 * 1024;

	private static final long TIMEOUT_SECONDS = 120;

	// A verse line is indented and starts with its number; chapter headings ("Genesis 1",
	// "1 Samuel 3") are not indented.
	private static final Pattern VERSE = Pattern.compile("^\\s+\\d+\\s+(\\S.*)$");

	private KjvBible() {
	}

	/**
	 * Describes the built-in data set when the program exists; it is not run.
	 * @param command the {@code bible} program
	 * @return the data set, empty when the program is not an executable file
	 */
	public static Optional<Dataset> describe(Path command) {
		if (!Files.isRegularFile(command) || !Files.isExecutable(command)) {
			return Optional.empty();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("command", command.toString());
		details.put("passage", PASSAGE);
		details.put("package", "bible-kjv");
		details.put("sentences", "one verse per line, 31102 verses");
		Instant created;
		try {
			created = Files.getLastModifiedTime(command).toInstant();
		}
		catch (IOException ex) {
			created = Instant.EPOCH;
		}
		return Optional.of(new Dataset(NAME, DatasetKind.TEXT, Dataset.BUILT_IN, command, details, created));
	}

	/**
	 * The text of a verse line.
	 * @param line a line of the program's output
	 * @return the verse without its number, or {@code null} for a heading or blank line
	 */
	public static String verse(String line) {
		Matcher matcher = VERSE.matcher(line);
		return matcher.matches() ? matcher.group(1).strip() : null;
	}

	/**
	 * Turns the program's output into a corpus, one verse a line.
	 * @param output the output
	 * @param target where the verses go
	 * @return how many verses were written
	 * @throws IOException when reading or writing fails, or the output is over 64 MB
	 */
	public static long verses(Reader output, Writer target) throws IOException {
		BufferedReader reader = new BufferedReader(output);
		long verses = 0;
		long chars = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			chars += line.length() + 1;
			if (chars > MAX_BYTES) {
				throw new IOException("the bible program printed more than " + MAX_BYTES + " characters");
			}
			String verse = verse(line);
			if (verse != null) {
				target.write(verse);
				target.write('\n');
				verses++;
			}
		}
		target.flush();
		return verses;
	}

	/**
	 * Runs the program and writes the corpus file.
	 * @param command the {@code bible} program
	 * @param target the corpus file to write
	 * @return how many verses were written
	 * @throws IOException when the program cannot run, fails, times out or prints no
	 * verse
	 */
	public static long write(Path command, Path target) throws IOException {
		Process process = new ProcessBuilder(List.of(command.toString(), "-l0", PASSAGE))
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		long verses;
		try (Reader output = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
				Writer writer = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
			verses = verses(output, writer);
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw ex;
		}
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while running " + command, ex);
		}
		if (process.exitValue() != 0 || verses == 0) {
			throw new IOException(command + " exited with " + process.exitValue() + " after " + verses + " verses");
		}
		return verses;
	}

}
