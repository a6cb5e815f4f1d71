package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbols one side of a translator reads or writes: characters or words, after four
 * reserved ids ({@value #PAD}, {@value #SOS}, {@value #EOS}, {@value #UNK}). A symbol the
 * model never saw encodes as {@value #UNK}, as in training, never an error.
 *
 * @author Modelport Team
 */
public final class SymbolVocabulary {

	/** Padding, id 0. */
	public static final String PAD = "<PAD>";

	/** Start of the output, id 1: the decoder's first input. */
	public static final String SOS = "<SOS>";

	/** End of the output, id 2. */
	public static final String EOS = "<EOS>";

	/** Any symbol outside the vocabulary, id 3. */
	public static final String UNK = "<UNK>";

	/** The id of {@value #PAD}. */
	public static final int PAD_ID = 0;

	/** The id of {@value #SOS}. */
	public static final int SOS_ID = 1;

	/** The id of {@value #EOS}. */
	public static final int EOS_ID = 2;

	/** The id of {@value #UNK}. */
	public static final int UNK_ID = 3;

	private static final List<String> RESERVED = List.of(PAD, SOS, EOS, UNK);

	private final Level level;

	private final List<String> symbols;

	private final Map<String, Integer> ids;

	/**
	 * A vocabulary of the given symbols, which follow the reserved ones.
	 * @param level how text splits into symbols
	 * @param symbols the symbols, without the reserved ones
	 * @throws IllegalArgumentException when a symbol repeats, is empty, is reserved, or
	 * is not one character at character level
	 */
	public SymbolVocabulary(Level level, List<String> symbols) {
		this.level = level;
		List<String> all = new ArrayList<>(RESERVED);
		all.addAll(symbols);
		this.symbols = List.copyOf(all);
		this.ids = new HashMap<>();
		for (int i = 0; i < this.symbols.size(); i++) {
			String symbol = this.symbols.get(i);
			if (symbol.isEmpty() || (i >= RESERVED.size() && RESERVED.contains(symbol))) {
				throw new IllegalArgumentException("symbol " + i + " is empty or reserved: '" + symbol + "'");
			}
			if (i >= RESERVED.size() && level == Level.CHARACTER && symbol.codePointCount(0, symbol.length()) != 1) {
				throw new IllegalArgumentException(
						"a character vocabulary holds single characters, not '" + symbol + "'");
			}
			if (this.ids.putIfAbsent(symbol, i) != null) {
				throw new IllegalArgumentException("symbol '" + symbol + "' appears twice");
			}
		}
	}

	/**
	 * Builds a vocabulary from texts: every symbol seen at least {@code minCount} times,
	 * the most frequent first (ties by first appearance).
	 * @param level how text splits into symbols
	 * @param texts the texts
	 * @param minCount the least count a symbol needs
	 * @return the vocabulary
	 */
	public static SymbolVocabulary build(Level level, Iterable<String> texts, int minCount) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String text : texts) {
			for (String symbol : level.split(text)) {
				counts.merge(symbol, 1, Integer::sum);
			}
		}
		List<String> symbols = counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= minCount && !RESERVED.contains(entry.getKey()))
			.sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		return new SymbolVocabulary(level, symbols);
	}

	/**
	 * How text splits into symbols.
	 * @return the level
	 */
	public Level level() {
		return this.level;
	}

	/**
	 * The number of ids, reserved ones included.
	 * @return the size
	 */
	public int size() {
		return this.symbols.size();
	}

	/**
	 * The symbols in id order, reserved ones included.
	 * @return the symbols
	 */
	public List<String> symbols() {
		return this.symbols;
	}

	/**
	 * The symbols after the reserved ones, as a descriptor stores them.
	 * @return the learned symbols
	 */
	public List<String> learnedSymbols() {
		return this.symbols.subList(RESERVED.size(), this.symbols.size());
	}

	/**
	 * Encodes a text, symbols outside the vocabulary as {@value #UNK}; no {@value #EOS}.
	 * @param text the text
	 * @return the ids
	 */
	public int[] encode(String text) {
		return this.level.split(text).stream().mapToInt((symbol) -> this.ids.getOrDefault(symbol, UNK_ID)).toArray();
	}

	/**
	 * Counts the symbols of a text that are not in the vocabulary.
	 * @param text the text
	 * @return how many encode as {@value #UNK}
	 */
	public int unknownCount(String text) {
		return (int) this.level.split(text).stream().filter((symbol) -> !this.ids.containsKey(symbol)).count();
	}

	/**
	 * Decodes ids up to the first {@value #EOS}, skipping {@value #PAD} and
	 * {@value #SOS}.
	 * @param ids the ids
	 * @return the text
	 */
	public String decode(int[] ids) {
		List<String> out = new ArrayList<>();
		for (int id : ids) {
			if (id == EOS_ID) {
				break;
			}
			if (id != PAD_ID && id != SOS_ID) {
				out.add(this.symbols.get(id));
			}
		}
		return this.level.join(out);
	}

	/**
	 * The symbols of ids, one per id, for labelling attention rows and columns.
	 * @param ids the ids
	 * @return the symbols
	 */
	public List<String> symbols(int[] ids) {
		return Arrays.stream(ids).mapToObj(this.symbols::get).toList();
	}

	/**
	 * How text splits into symbols.
	 */
	public enum Level {

		/** One symbol per Unicode code point. */
		CHARACTER("character"),

		/** One symbol per whitespace-separated word. */
		WORD("word");

		private final String id;

		Level(String id) {
			this.id = id;
		}

		/**
		 * The identifier used in descriptors and job requests.
		 * @return the identifier
		 */
		public String id() {
			return this.id;
		}

		/**
		 * Splits a text into symbols.
		 * @param text the text
		 * @return the symbols
		 */
		public List<String> split(String text) {
			if (this == CHARACTER) {
				return text.codePoints().mapToObj(Character::toString).toList();
			}
			String trimmed = text.strip();
			return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
		}

		/**
		 * Joins symbols back into a text.
		 * @param symbols the symbols
		 * @return the text
		 */
		public String join(List<String> symbols) {
			return String.join((this == CHARACTER) ? "" : " ", symbols);
		}

		/**
		 * Reads a level from its identifier.
		 * @param id {@code character} or {@code word}
		 * @return the level
		 * @throws IllegalArgumentException for any other value
		 */
		public static Level fromId(String id) {
			for (Level level : values()) {
				if (level.id.equals(id)) {
					return level;
				}
			}
			throw new IllegalArgumentException("unknown level '" + id + "', expected character or word");
		}

	}

}
