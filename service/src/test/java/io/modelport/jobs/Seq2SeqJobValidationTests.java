package io.modelport.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.modelport.datasets.BuiltInPairs;
import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;
import io.modelport.seq2seq.training.Seq2SeqSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@code seq2seq} job request is checked up front: its architecture, its data set's
 * kind and its translator settings field by field.
 *
 * @author Modelport Team
 */
class Seq2SeqJobValidationTests {

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	private final TrainingJobValidator validator = new TrainingJobValidator(this.catalog);

	Seq2SeqJobValidationTests() {
		given(this.catalog.find("dates")).willReturn(new BuiltInPairs(Path.of("/nonexistent")).find("dates"));
		given(this.catalog.find("notes")).willReturn(Optional
			.of(new Dataset("notes", DatasetKind.TEXT, "upload", Path.of("/tmp/notes"), Map.of(), Instant.now())));
	}

	@Test
	void acceptsDefaultsAndEverySettingGiven() {
		assertThat(this.validator.validate(request("dates", Map.of(), null)).name()).isEqualTo("dates");
		Seq2SeqSettings all = new Seq2SeqSettings("word", "character", 20, 30, 0.5, 2, 3, 0.6, 0.2, 0.2, 500, 100, 50);
		assertThat(this.validator
			.validate(request("dates", Map.of("cell", "lstm", "bidirectional", false, "hidden", 16), all))
			.name()).isEqualTo("dates");
	}

	@Test
	void namesEveryInvalidSetting() {
		Seq2SeqSettings bad = new Seq2SeqSettings("byte", "letters", 0, 1, 1.5, 0, 0, 2.0, 0.0, 0.95, 1, 0, -1);
		assertThat(errors(request("dates", Map.of(), bad))).extracting(FieldError::field)
			.containsExactly("seq2seq.sourceLevel", "seq2seq.targetLevel", "seq2seq.maxInputLength",
					"seq2seq.maxOutputLength", "seq2seq.teacherForcing", "seq2seq.minCount", "seq2seq.beamWidth",
					"seq2seq.lengthNormalization", "seq2seq.devShare", "seq2seq.testShare", "seq2seq.generatedExamples",
					"seq2seq.heldOutDates", "seq2seq.evaluationLimit");
	}

	@Test
	void refusesOtherArchitecturesBadParametersAndDataSetsOfAnotherKind() {
		TrainingJobRequest conv = new TrainingJobRequest("seq2seq", "dates-model",
				new ArchitectureRequest("conv-classifier", Map.of()), "dates", null, null, null, null, null, null,
				null);
		assertThat(errors(conv)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("seq2seq-attention"));
		assertThat(errors(request("dates", Map.of("cell", "rnn"), null))).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("architecture.parameters"));
		assertThat(errors(request("notes", Map.of(), null))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("sequence-pairs"));
		TrainingJobRequest classifier = new TrainingJobRequest("classifier", "m",
				new ArchitectureRequest("conv-classifier", Map.of()), "dates", null, null, null, null, null, null,
				Seq2SeqSettings.unset());
		assertThat(errors(classifier)).extracting(FieldError::field).contains("seq2seq");
	}

	private List<FieldError> errors(TrainingJobRequest request) {
		return catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(request)).errors();
	}

	private static TrainingJobRequest request(String dataset, Map<String, Object> parameters, Seq2SeqSettings seq2seq) {
		return new TrainingJobRequest("seq2seq", "dates-model",
				new ArchitectureRequest("seq2seq-attention", parameters), dataset, null, null, "always", null, null,
				null, seq2seq);
	}

}
