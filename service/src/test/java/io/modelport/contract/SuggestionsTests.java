package io.modelport.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which known name a typo is taken for.
 *
 * @author Modelport Team
 */
class SuggestionsTests {

	@Test
	void typosFindTheirName() {
		List<String> known = List.of("epochs", "batchSize", "seed", "scoreThreshold", "iouThreshold", "topK");
		assertThat(Suggestions.closest("epoch", known)).hasValue("epochs");
		assertThat(Suggestions.closest("batchsize", known)).hasValue("batchSize");
		assertThat(Suggestions.closest("topk", known)).hasValue("topK");
		assertThat(Suggestions.closest("sede", known)).hasValue("seed");
		assertThat(Suggestions.didYouMean("threshold", known))
			.isEqualTo("; did you mean 'iouThreshold' or 'scoreThreshold'?");
	}

	@Test
	void unrelatedNamesFindNothing() {
		assertThat(Suggestions.closest("colour", List.of("epochs", "seed"))).isEmpty();
		assertThat(Suggestions.didYouMean("x", List.of("epochs"))).isEmpty();
		assertThat(Suggestions.allClosest("anything", List.of())).isEmpty();
	}

	@Test
	void distanceIsLevenshtein() {
		assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
		assertThat(Suggestions.distance("same", "same")).isZero();
	}

}
