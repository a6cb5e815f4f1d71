package io.modelport.classification;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the label mapping of {@link ClassificationService}.
 *
 * @author Modelport Team
 */
class ClassificationServiceTests {

	@Test
	void mapsOutputPositionsToLabelsMostProbableFirst() {
		List<Prediction> top = ClassificationService.top(new float[] { 0.1f, 0.6f, 0.05f, 0.25f },
				List.of("a", "b", "c", "d"), 3);
		assertThat(top).extracting(Prediction::label).containsExactly("b", "d", "a");
		assertThat(top.get(0).probability()).isEqualTo(0.6f);
	}

	@Test
	void kLargerThanTheLabelCountReturnsEveryLabel() {
		assertThat(ClassificationService.top(new float[] { 0.5f, 0.5f }, List.of("x", "y"), 10))
			.extracting(Prediction::label)
			.containsExactly("x", "y");
	}

}
