package io.modelport.seq2seq;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Symbol files keep every symbol, spaces and backslashes included, one per line.
 *
 * @author Modelport Team
 */
class SymbolFilesTests {

	@TempDir
	Path dir;

	@Test
	void roundTripsSpacesBackslashesAndLineBreaks() throws Exception {
		SymbolVocabulary vocabulary = new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER,
				List.of("a", " ", "\\", "\t", "\n", "ː", "é"));
		Path file = this.dir.resolve("source.symbols");
		SymbolFiles.write(file, vocabulary);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("a\n\\s\n\\\\\n\\t\n\\n\nː\né\n");
		SymbolVocabulary read = SymbolFiles.read(file, SymbolVocabulary.Level.CHARACTER);
		assertThat(read.symbols()).isEqualTo(vocabulary.symbols());
		assertThat(read.encode("a é")).containsExactly(4, 5, 10);
	}

	@Test
	void readsWordsAndRefusesUnknownEscapes() throws Exception {
		Path words = Files.writeString(this.dir.resolve("target.symbols"), "the\ncat\nsat\n");
		assertThat(SymbolFiles.read(words, SymbolVocabulary.Level.WORD).decode(new int[] { 5, 4, 2, 6 }))
			.isEqualTo("cat the");
		Path bad = Files.writeString(this.dir.resolve("bad.symbols"), "a\\q\n");
		assertThatIllegalArgumentException().isThrownBy(() -> SymbolFiles.read(bad, SymbolVocabulary.Level.WORD))
			.withMessageContaining("unknown escape");
	}

}
