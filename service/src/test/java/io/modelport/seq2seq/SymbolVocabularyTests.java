package io.modelport.seq2seq;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Symbol vocabularies: reserved ids, unknown symbols, decoding up to {@code <EOS>}.
 *
 * @author Modelport Team
 */
class SymbolVocabularyTests {

	@Test
	void charactersBuildMostFrequentFirstAfterTheReservedIds() {
		SymbolVocabulary vocabulary = SymbolVocabulary.build(SymbolVocabulary.Level.CHARACTER,
				List.of("2024-01-05", "1999-12-31"), 1);
		assertThat(vocabulary.symbols()).startsWith("<PAD>", "<SOS>", "<EOS>", "<UNK>");
		// "-" and "1" both occur 4 times; "-" appears first.
		assertThat(vocabulary.learnedSymbols()).startsWith("-", "1");
		assertThat(vocabulary.learnedSymbols()).contains("-", "0", "9");
	}

	@Test
	void unknownSymbolsEncodeAsUnkAndAreCounted() {
		SymbolVocabulary vocabulary = new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER, List.of("a", "b"));
		assertThat(vocabulary.encode("abz")).containsExactly(4, 5, SymbolVocabulary.UNK_ID);
		assertThat(vocabulary.unknownCount("abzé")).isEqualTo(2);
	}

	@Test
	void decodingStopsAtEosAndSkipsPadding() {
		SymbolVocabulary words = new SymbolVocabulary(SymbolVocabulary.Level.WORD, List.of("think", "globally"));
		assertThat(words.decode(new int[] { 1, 4, 0, 5, 2, 4 })).isEqualTo("think globally");
		assertThat(words.encode("  think   globally ")).containsExactly(4, 5);
	}

	@Test
	void malformedVocabulariesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER, List.of("ab")))
			.withMessageContaining("single characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SymbolVocabulary(SymbolVocabulary.Level.WORD, List.of("a", "a")))
			.withMessageContaining("twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SymbolVocabulary(SymbolVocabulary.Level.WORD, List.of("<EOS>")))
			.withMessageContaining("reserved");
	}

}
