package io.modelport.embeddings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Embeddings}, with values worked out by hand.
 *
 * @author Modelport Team
 */
class EmbeddingsTests {

	@Test
	void normIsTheEuclideanLength() {
		assertThat(Embeddings.norm(new float[] { 3, 4 })).isEqualTo(5.0);
		assertThat(Embeddings.norm(new float[0])).isZero();
	}

	@Test
	void normalizingReturnsANewUnitVector() {
		float[] vector = { 3, 4 };
		float[] unit = Embeddings.l2Normalize(vector);
		assertThat(unit).containsExactly(new float[] { 0.6f, 0.8f }, within(1e-7f));
		assertThat(Embeddings.norm(unit)).isCloseTo(1.0, within(1e-7));
		assertThat(vector).containsExactly(3, 4);
	}

	@Test
	void theZeroVectorStaysZero() {
		float[] zero = new float[3];
		float[] normalized = Embeddings.l2Normalize(zero);
		assertThat(normalized).containsExactly(0, 0, 0).isNotSameAs(zero);
	}

	@Test
	void squaredDistanceSumsSquaredDifferences() {
		// (1-4)² + (2-6)² + (3-3)² = 9 + 16 + 0
		assertThat(Embeddings.squaredDistance(new float[] { 1, 2, 3 }, new float[] { 4, 6, 3 })).isEqualTo(25.0);
		// Opposite unit vectors are the furthest apart normalised embeddings can be.
		assertThat(Embeddings.squaredDistance(new float[] { 1, 0 }, new float[] { -1, 0 })).isEqualTo(4.0);
	}

	@Test
	void lengthsMustMatch() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Embeddings.squaredDistance(new float[] { 1, 2 }, new float[] { 1 }))
			.withMessageContaining("2 and 1");
	}

}
