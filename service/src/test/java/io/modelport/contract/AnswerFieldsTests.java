package io.modelport.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a README comment's JSON is compared with an answer.
 *
 * @author Modelport Team
 */
class AnswerFieldsTests {

	@Test
	void plainValuesMustAppearAsShown() {
		String answer = "{\"model\":\"dates\",\"version\":1,\"finished\":true,\"identity\":null}";
		assertThat(AnswerFields.mismatches("{\"model\":\"dates\",\"version\":1,...}", answer)).isEmpty();
		assertThat(AnswerFields.mismatches("{\"finished\":true,\"identity\":null}", answer)).isEmpty();
		assertThat(AnswerFields.mismatches("{\"model\":\"words\",\"version\":2}", answer))
			.containsExactly("\"model\":\"words\"", "\"version\":2");
	}

	@Test
	void elidedDecimalsMatchTheirShownDigits() {
		assertThat(AnswerFields.mismatches("{\"probability\":0.99...}", "{\"probability\":0.9934}")).isEmpty();
		assertThat(AnswerFields.mismatches("{\"probability\":0.99...}", "{\"probability\":1.0}")).isEmpty();
		assertThat(AnswerFields.mismatches("{\"probability\":0.99...}", "{\"probability\":0.98}")).hasSize(1);
		assertThat(AnswerFields.mismatches("{\"score\":-0.01...}", "{\"score\":-0.0123}")).isEmpty();
		assertThat(AnswerFields.mismatches("{\"score\":-0.01...}", "{\"score\":-6.7E-4}")).hasSize(1);
	}

	@Test
	void fullDecimalsMatchToFourPlaces() {
		assertThat(AnswerFields.mismatches("{\"distance\":0.1449636148653358}", "{\"distance\":0.14496361}")).isEmpty();
		assertThat(AnswerFields.mismatches("{\"distance\":0.1449636148653358}", "{\"distance\":0.15}")).hasSize(1);
	}

}
