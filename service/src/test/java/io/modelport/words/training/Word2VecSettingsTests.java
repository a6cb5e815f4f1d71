package io.modelport.words.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Word2VecSettings}: defaults and the field-by-field checks a job
 * request gets.
 *
 * @author Modelport Team
 */
class Word2VecSettingsTests {

	@Test
	void unsetValuesTakeTheDefaults() {
		Word2VecSettings defaults = Word2VecSettings.unset().withDefaults();
		assertThat(defaults)
			.isEqualTo(new Word2VecSettings("skip-gram", 100, 5, 5, 0.75, 1e-3, 5, 10, 0.025, 1024, 100_000, 1L));
		assertThat(defaults.isCbow()).isFalse();
		assertThat(Word2VecSettings.unset().errors()).isEmpty();
	}

	@Test
	void cbowStartsWithTheCToolsLargerRate() {
		Word2VecSettings cbow = new Word2VecSettings("cbow", null, null, null, null, null, null, null, null, null, null,
				null)
			.withDefaults();
		assertThat(cbow.isCbow()).isTrue();
		assertThat(cbow.learningRate()).isEqualTo(0.05);
	}

	@Test
	void namesEveryInvalidValue() {
		Word2VecSettings bad = new Word2VecSettings("glove", 1, 0, 0, 1.5, -0.1, 0, 0, 0.0, 0, 1, null);
		assertThat(bad.errors()).containsOnlyKeys("architecture", "dimension", "window", "negatives", "negativePower",
				"subsample", "minCount", "epochs", "learningRate", "batchSize", "maxVocabulary");
		assertThat(bad.errors().get("architecture")).contains("skip-gram", "cbow");
		assertThat(new Word2VecSettings(null, 5000, 21, 51, null, 0.2, null, 101, 2.0, 100_000, null, null).errors())
			.containsOnlyKeys("dimension", "window", "negatives", "subsample", "epochs", "learningRate", "batchSize");
	}

	@Test
	void provenanceRecordsTheFilledValues() {
		assertThat(new Word2VecSettings(null, 50, null, null, null, 0.0, null, null, null, null, null, 9L).toMap())
			.containsEntry("architecture", "skip-gram")
			.containsEntry("dimension", 50)
			.containsEntry("subsample", 0.0)
			.containsEntry("seed", 9L)
			.containsEntry("negativePower", 0.75);
	}

}
