package io.modelport.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelport.core.InvalidRequestException;

/**
 * Checks {@code text} and {@code sequence-pairs} files in one streaming pass: strict
 * UTF-8 (malformed bytes are reported with their line, never replaced) and, for pairs,
 * exactly two non-empty tab-separated fields per non-blank line.
 *
 * @author Modelport Team
 */
final class TextFiles {

	private static final int MAX_PAIR_LINE = 1024 * 1024;

	private TextFiles() {
	}

	/**
	 * Checks a text corpus.
	 * @param file the file
	 * @return the details: {@code lines}
	 * @throws IOException when the file cannot be read
	 * @throws InvalidRequestException when it is not UTF-8 or holds only white space
	 */
	static Map<String, Object> validateText(Path file) throws IOException {
		Scan scan = new Scan(false);
		scan.run(file);
		if (!scan.hasText) {
			throw new InvalidRequestException("the text is empty");
		}
		return Map.of("lines", scan.lines);
	}

	/**
	 * Checks a file of tab-separated pairs.
	 * @param file the file
	 * @return the details: {@code lines}, {@code pairs}
	 * @throws IOException when the file cannot be read
	 * @throws InvalidRequestException when it is not UTF-8, has no pair or a line is not
	 * a pair
	 */
	static Map<String, Object> validatePairs(Path file) throws IOException {
		Scan scan = new Scan(true);
		scan.run(file);
		if (scan.pairs == 0) {
			throw new InvalidRequestException("the file has no source<TAB>target lines");
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lines", scan.lines);
		details.put("pairs", scan.pairs);
		return details;
	}

	/**
	 * One pass over a file.
	 */
	private static final class Scan {

		private final boolean pairsWanted;

		private final StringBuilder line = new StringBuilder();

		private long lines;

		private long pairs;

		private boolean hasText;

		private boolean lineOpen;

		Scan(boolean pairsWanted) {
			this.pairsWanted = pairsWanted;
		}

		void run(Path file) throws IOException {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			try (SeekableByteChannel channel = Files.newByteChannel(file)) {
				boolean end = false;
				while (!end) {
					boolean eof = channel.read(bytes) < 0;
					bytes.flip();
					CoderResult result = decoder.decode(bytes, chars, eof);
					bytes.compact();
					if (result.isError()) {
						consume(chars);
						throw new InvalidRequestException("line " + (this.lines + 1) + " is not valid UTF-8");
					}
					end = eof && result.isUnderflow();
					if (end) {
						decoder.flush(chars);
					}
					consume(chars);
				}
			}
			if (this.lineOpen) {
				endLine();
			}
		}

		private void consume(CharBuffer chars) {
			chars.flip();
			while (chars.hasRemaining()) {
				char c = chars.get();
				if (c == '\n') {
					endLine();
					continue;
				}
				if (c == '\uFEFF' && this.lines == 0 && !this.lineOpen) {
					continue;
				}
				this.lineOpen = true;
				if (!Character.isWhitespace(c)) {
					this.hasText = true;
				}
				if (this.pairsWanted) {
					if (this.line.length() >= MAX_PAIR_LINE) {
						throw new InvalidRequestException(
								"line " + (this.lines + 1) + " is longer than " + MAX_PAIR_LINE + " characters");
					}
					this.line.append(c);
				}
			}
			chars.clear();
		}

		private void endLine() {
			this.lines++;
			this.lineOpen = false;
			if (this.pairsWanted) {
				checkPair(this.line.toString(), this.lines);
				this.line.setLength(0);
			}
		}

		private void checkPair(String line, long number) {
			String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
			if (text.isBlank()) {
				return;
			}
			String[] fields = text.split("\t", -1);
			if (fields.length != 2) {
				throw new InvalidRequestException("line " + number
						+ " must have exactly two fields separated by a tab (source<TAB>target), found "
						+ fields.length);
			}
			if (fields[0].isBlank() || fields[1].isBlank()) {
				throw new InvalidRequestException("line " + number + " has an empty source or target");
			}
			this.pairs++;
		}

	}

}
