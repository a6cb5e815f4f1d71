package io.modelport.words.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.words.Tokenizer;
import io.modelport.words.TokenizerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link Corpus}: the vocabulary built from a text, rare words dropped, long
 * sentences cut, and the size limits.
 *
 * @author Modelport Team
 */
class CorpusTests {

	private static final Tokenizer TOKENIZER = new Tokenizer(TokenizerSettings.DEFAULT);

	@TempDir
	Path dir;

	@Test
	void keepsWordsSeenMinCountTimesMostFrequentFirst() throws IOException {
		Path file = this.dir.resolve("corpus.txt");
		Files.writeString(file, "The cat sat.\nthe dog sat\n\nThe cat ran, the END\n");
		Corpus corpus = Corpus.read(file, TOKENIZER, 2, 100);
		assertThat(corpus.vocabulary().words()).containsExactly("the", "cat", "sat");
		assertThat(corpus.vocabulary().counts()).containsExactly(4, 2, 2);
		assertThat(corpus.corpusTokenCount()).isEqualTo(11);
		assertThat(corpus.tokenCount()).isEqualTo(8);
		assertThat(corpus.sentenceCount()).isEqualTo(3);
		assertThat(corpus.sentence(0)).containsExactly(0, 1, 2);
		assertThat(corpus.sentence(1)).containsExactly(0, 2);
		assertThat(corpus.sentence(2)).containsExactly(0, 1, 0);
	}

	@Test
	void maxVocabularyKeepsTheMostFrequentWords() throws IOException {
		Corpus corpus = Corpus.of(List.of("a a a b b c", "c c d"), TOKENIZER, 1, 2);
		assertThat(corpus.vocabulary().words()).containsExactly("a", "c");
		assertThat(corpus.tokenCount()).isEqualTo(6);
	}

	@Test
	void cutsSentencesLongerThanTheCToolsLimit() throws IOException {
		Corpus corpus = Corpus.of(List.of(String.join(" ", Collections.nCopies(2500, "w"))), TOKENIZER, 1, 10);
		assertThat(corpus.sentenceCount()).isEqualTo(3);
		assertThat(corpus.sentence(0)).hasSize(Corpus.MAX_SENTENCE);
		assertThat(corpus.sentence(2)).hasSize(500);
	}

	@Test
	void aCorpusWithoutAFrequentWordIsRefused() {
		assertThatIOException().isThrownBy(() -> Corpus.of(List.of("a b c"), TOKENIZER, 2, 10))
			.withMessageContaining("2 times");
	}

}
