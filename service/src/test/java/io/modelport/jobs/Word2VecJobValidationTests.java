package io.modelport.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;
import io.modelport.words.training.Word2VecSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@code word2vec} job request is checked up front: a text data set, its {@code words}
 * settings field by field, and none of the image tasks' objects.
 *
 * @author Modelport Team
 */
class Word2VecJobValidationTests {

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	private final TrainingJobValidator validator = new TrainingJobValidator(this.catalog);

	Word2VecJobValidationTests() {
		given(this.catalog.find("corpus")).willReturn(Optional.of(dataset("corpus", DatasetKind.TEXT, "upload")));
		given(this.catalog.find("kjv-bible"))
			.willReturn(Optional.of(dataset("kjv-bible", DatasetKind.TEXT, "built-in")));
		given(this.catalog.find("shapes")).willReturn(Optional.of(dataset("shapes", DatasetKind.IDX, "upload")));
	}

	@Test
	void acceptsAnUploadedOrTheBuiltInCorpusWithDefaultsOrEverySetting() {
		assertThat(this.validator.validate(request("corpus", null)).name()).isEqualTo("corpus");
		Word2VecSettings all = new Word2VecSettings("cbow", 50, 4, 10, 0.5, 1e-4, 3, 2, 0.05, 512, 20_000, 7L);
		assertThat(this.validator.validate(request("kjv-bible", all)).name()).isEqualTo("kjv-bible");
	}

	@Test
	void namesEveryInvalidWordsSetting() {
		Word2VecSettings bad = new Word2VecSettings("glove", 0, 0, 100, -1.0, 0.5, 0, 0, 0.0, 0, 1, null);
		assertThat(errors(request("corpus", bad))).extracting(FieldError::field)
			.containsExactly("words.architecture", "words.dimension", "words.window", "words.negatives",
					"words.negativePower", "words.subsample", "words.minCount", "words.epochs", "words.learningRate",
					"words.batchSize", "words.maxVocabulary");
	}

	@Test
	void refusesImageDataSetsAndTheImageTasksObjects() {
		assertThat(errors(request("shapes", null))).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("dataset");
			assertThat(error.message()).contains("text corpus");
		});
		TrainingJobRequest withArchitecture = new TrainingJobRequest("word2vec", "words",
				new ArchitectureRequest("skip-gram", Map.of()), "corpus", null,
				TrainingJobValidatorTests.settings(2, 32, "sgd", 0.1), null, null, null, null, null);
		assertThat(errors(withArchitecture)).extracting(FieldError::field).containsExactly("architecture", "settings");
		assertThat(errors(withArchitecture).get(0).message()).contains("'words'");
		TrainingJobRequest classifierWithWords = new TrainingJobRequest("classifier", "m",
				new ArchitectureRequest("conv-classifier", Map.of()), "shapes", null, null, null, null, null,
				Word2VecSettings.unset(), null);
		assertThat(errors(classifierWithWords)).extracting(FieldError::field).containsExactly("words");
	}

	private List<FieldError> errors(TrainingJobRequest request) {
		return catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(request)).errors();
	}

	private static TrainingJobRequest request(String dataset, Word2VecSettings words) {
		return new TrainingJobRequest("word2vec", "words", null, dataset, null, null, "always", null, null, words,
				null);
	}

	private static Dataset dataset(String name, DatasetKind kind, String source) {
		return new Dataset(name, kind, source, Path.of("/tmp/" + name), Map.of(), Instant.now());
	}

}
