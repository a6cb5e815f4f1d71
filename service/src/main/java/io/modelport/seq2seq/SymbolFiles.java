package io.modelport.seq2seq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the symbol files of a translator's vocabularies
 * ({@code source.symbols}, {@code target.symbols}): UTF-8, one learned symbol per line in
 * id order starting at id 4 (the reserved ids are not listed). Characters that a line
 * cannot hold are escaped with a backslash: {@code \s} a space, {@code \t} a tab,
 * {@code \n} a line feed, {@code \r} a carriage return and {@code \\} a backslash.
 *
 * @author Modelport Team
 */
public final class SymbolFiles {

	private SymbolFiles() {
	}

	/**
	 * Reads a vocabulary.
	 * @param file the symbol file
	 * @param level the vocabulary's level
	 * @return the vocabulary
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when a line is empty, repeats or has an unknown
	 * escape
	 */
	public static SymbolVocabulary read(Path file, SymbolVocabulary.Level level) throws IOException {
		List<String> symbols = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			symbols.add(unescape(line));
		}
		return new SymbolVocabulary(level, symbols);
	}

	/**
	 * Writes a vocabulary's learned symbols.
	 * @param file the symbol file
	 * @param vocabulary the vocabulary
	 * @throws IOException when the file cannot be written
	 */
	public static void write(Path file, SymbolVocabulary vocabulary) throws IOException {
		Files.write(file, bytes(vocabulary));
	}

	/**
	 * The content of a symbol file.
	 * @param vocabulary the vocabulary
	 * @return the UTF-8 bytes
	 */
	public static byte[] bytes(SymbolVocabulary vocabulary) {
		StringBuilder text = new StringBuilder();
		for (String symbol : vocabulary.learnedSymbols()) {
			text.append(escape(symbol)).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String escape(String symbol) {
		StringBuilder escaped = new StringBuilder();
		for (char c : symbol.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ' ' -> escaped.append("\\s");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String line) {
		StringBuilder symbol = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c != '\\') {
				symbol.append(c);
				continue;
			}
			if (i + 1 == line.length()) {
				throw new IllegalArgumentException("a symbol line ends in a lone backslash: '" + line + "'");
			}
			char code = line.charAt(++i);
			symbol.append(switch (code) {
				case '\\' -> '\\';
				case 's' -> ' ';
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> throw new IllegalArgumentException("unknown escape \\" + code + " in '" + line + "'");
			});
		}
		return symbol.toString();
	}

}
