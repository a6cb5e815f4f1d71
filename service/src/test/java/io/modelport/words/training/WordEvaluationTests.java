package io.modelport.words.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelport.words.Vocabulary;
import io.modelport.words.WordVectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link WordEvaluation}: the questions-words format, analogy accuracy with
 * skipped questions, pair similarity, and the shipped KJV files.
 *
 * @author Modelport Team
 */
class WordEvaluationTests {

	// man/woman and king/queen differ by the same offset; "prince" is off the line.
	private static final WordVectors VECTORS = new WordVectors(
			new Vocabulary(List.of("man", "woman", "king", "queen", "prince"), null), 3,
			new float[] { 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, -1, 0, 0 });

	@Test
	void readsSectionsAndSkipsComments() throws IOException {
		Map<String, List<String[]>> sections = WordEvaluation
			.read(stream("# built by hand\n: family\nMan Woman King Queen\n\n: other\na b c d\n"), 4);
		assertThat(sections).containsOnlyKeys("family", "other");
		assertThat(sections.get("family").get(0)).containsExactly("man", "woman", "king", "queen");
		assertThatIOException().isThrownBy(() -> WordEvaluation.read(stream("a b c d\n"), 4))
			.withMessageContaining("line 1");
		assertThatIOException().isThrownBy(() -> WordEvaluation.read(stream(": s\na b c\n"), 4))
			.withMessageContaining("line 2");
	}

	@Test
	void countsAnsweredQuestionsAndReportsSkippedOnes() {
		WordEvaluation evaluation = new WordEvaluation(Map.of("family",
				List.of(new String[] { "man", "woman", "king", "queen" },
						new String[] { "woman", "man", "queen", "king" },
						new String[] { "man", "woman", "king", "princess" })),
				Map.of());
		Map<?, ?> family = (Map<?, ?>) evaluation.analogies(VECTORS).get("family");
		assertThat(family.get("questions")).isEqualTo(3);
		assertThat(family.get("answered")).isEqualTo(2);
		assertThat(family.get("skipped")).isEqualTo(1);
		assertThat(family.get("correct")).isEqualTo(2);
		assertThat(evaluation.analogyAccuracy(VECTORS)).isEqualTo(1.0);
	}

	@Test
	void similarityAveragesEachGroup() {
		WordEvaluation evaluation = new WordEvaluation(Map.of(),
				new java.util.LinkedHashMap<>(Map.of("related", List.<String[]>of(new String[] { "man", "king" }),
						"unrelated", List.of(new String[] { "man", "prince" }, new String[] { "man", "nobody" }))));
		Map<String, Object> similarity = evaluation.similarity(VECTORS);
		assertThat(((Map<?, ?>) similarity.get("related")).get("mean")).isEqualTo(0.7071);
		assertThat(((Map<?, ?>) similarity.get("unrelated")).get("mean")).isEqualTo(-1.0);
		assertThat(((Map<?, ?>) similarity.get("unrelated")).get("skipped")).isEqualTo(List.of("man nobody"));
		assertThat(WordEvaluation.similarityGap(similarity)).isEqualTo(1.7071);
	}

	@Test
	void theShippedKjvFilesParse() throws IOException {
		WordEvaluation kjv = WordEvaluation.kjv();
		Map<String, Object> report = kjv.analogies(VECTORS);
		assertThat(report).containsKeys("family", "noun-plural", "past-tense", "land-people", "father-son",
				"husband-wife", "overall");
		assertThat((Integer) ((Map<?, ?>) report.get("overall")).get("questions")).isGreaterThan(3000);
		assertThat(kjv.similarity(VECTORS)).containsOnlyKeys("related", "unrelated");
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
