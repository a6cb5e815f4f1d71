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
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Every field of a job request is checked up front.
 *
 * @author Modelport Team
 */
class TrainingJobValidatorTests {

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	private final TrainingJobValidator validator = new TrainingJobValidator(this.catalog);

	TrainingJobValidatorTests() {
		given(this.catalog.find("shapes")).willReturn(Optional.of(dataset("shapes", DatasetKind.IDX)));
		given(this.catalog.find("corpus")).willReturn(Optional.of(dataset("corpus", DatasetKind.TEXT)));
	}

	@Test
	void acceptsAValidRequest() {
		assertThat(this.validator.validate(request("classifier", "shapes", settings(2, 16, "adam", 0.01))).name())
			.isEqualTo("shapes");
	}

	@Test
	void listsEveryInvalidField() {
		TrainingSettings bad = new TrainingSettings(0, -1,
				new OptimizerSettings("rmsprop", Double.NaN, null, 1.5, null, -1.0),
				new ScheduleSettings("cosine", null, 0), -0.1, null, null, 0.9, null, null, 9, null);
		TrainingJobRequest request = new TrainingJobRequest("regression", "Bad Name",
				new ArchitectureRequest("transformer", Map.of()), "absent", new TrainingJobRequest.InputSize(4, 1000),
				bad, "sometimes", new TrainingJobRequest.Limits(-1, null), null, null, null);
		List<FieldError> errors = catchThrowableOfType(InvalidJobRequestException.class,
				() -> this.validator.validate(request))
			.errors();
		assertThat(errors).extracting(FieldError::field)
			.containsExactlyInAnyOrder("task", "model", "architecture.name", "dataset", "input.width", "input.height",
					"settings.epochs", "settings.batchSize", "settings.optimizer.type",
					"settings.optimizer.learningRate", "settings.optimizer.beta1", "settings.optimizer.epsilon",
					"settings.schedule.type", "settings.schedule.stepEpochs", "settings.weightDecay",
					"settings.devFraction", "settings.maxShift", "promotion", "limits.trainImages");
		assertThat(errors).filteredOn((e) -> e.field().equals("settings.optimizer.learningRate"))
			.extracting(FieldError::message)
			.containsExactly("must be a finite number in (0, 10.0], was NaN");
	}

	@Test
	void refusesADataSetOfTheWrongKind() {
		List<FieldError> errors = catchThrowableOfType(InvalidJobRequestException.class,
				() -> this.validator.validate(request("classifier", "corpus", null)))
			.errors();
		assertThat(errors)
			.containsExactly(new FieldError("dataset", "data set 'corpus' holds text, a classifier trains on images"));
	}

	@Test
	void refusesTasksThatCannotBeTrainedYetAndBadHyperparameters() {
		TrainingJobRequest request = new TrainingJobRequest("speech", "m",
				new ArchitectureRequest("conv-classifier", Map.of("filters", List.of(0))), "shapes", null, null, null,
				null, null, null, null);
		assertThat(
				catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(request)).errors())
			.extracting(FieldError::field)
			.containsExactly("task", "architecture.parameters");
	}

	@Test
	void aRequestWithoutAnArchitectureTrainsTheTasksPreset() {
		for (String task : List.of("classifier", "detector")) {
			TrainingJobRequest minimal = new TrainingJobRequest(task, "m", null, "shapes", null, null, null, null, null,
					null, null);
			assertThat(this.validator.validate(minimal).name()).isEqualTo("shapes");
		}
		TrainingJobRequest parametersOnly = new TrainingJobRequest("classifier", "m",
				new ArchitectureRequest(null, Map.of("dense", 0)), "shapes", null, null, null, null, null, null, null);
		TrainingJobRequest otherPreset = new TrainingJobRequest("detector", "m",
				new ArchitectureRequest("conv-classifier", Map.of()), "corpus", null, null, null, null, null, null,
				null);
		assertThat(catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(parametersOnly))
			.errors()).extracting(FieldError::field).containsExactly("architecture.parameters");
		assertThat(catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(otherPreset))
			.errors()).containsExactly(new FieldError("architecture.name", "a detector trains a 'yolo-detector'"),
					new FieldError("dataset", "data set 'corpus' holds text, a detector trains on labelled boxes "
							+ "(yolo, coco) or on scenes of image items"));
	}

	static TrainingJobRequest request(String task, String dataset, TrainingSettings settings) {
		return new TrainingJobRequest(task, "shapes-model",
				new ArchitectureRequest("conv-classifier", Map.of("filters", List.of(4, 8), "dense", 16)), dataset,
				null, settings, "always", null, null, null, null);
	}

	static TrainingSettings settings(int epochs, int batch, String optimizer, double rate) {
		return new TrainingSettings(epochs, batch, new OptimizerSettings(optimizer, rate, null, null, null, null), null,
				null, null, null, null, null, null, null, 1L);
	}

	private static Dataset dataset(String name, DatasetKind kind) {
		return new Dataset(name, kind, "upload", Path.of("/tmp/" + name), Map.of(), Instant.now());
	}

}
