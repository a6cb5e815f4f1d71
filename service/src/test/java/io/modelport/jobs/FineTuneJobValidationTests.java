package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;
import io.modelport.jobs.TrainingJobRequest.InputSize;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.training.InitFrom;
import io.modelport.training.TrainingTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A job's {@code initFrom} is checked up front against the model store: the model and
 * version must exist, be a face verifier the face task can fine-tune (the imported
 * face-api network), and {@code freeze} must name a stage; the network and input size
 * then come from that version, so giving them is an error too.
 *
 * @author Modelport Team
 */
class FineTuneJobValidationTests {

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	@TempDir
	Path store;

	@Test
	void acceptsTheImportedNetworkWithEveryFreezeValue() throws IOException {
		TrainingJobValidator validator = validator();
		for (String freeze : new String[] { null, "none", "stem", "conv32", "conv64", "conv128", "conv256",
				"all-but-last" }) {
			TrainingJobRequest request = request(new InitFrom("face-api", 1, freeze));
			assertThat(validator.validate(request).name()).isEqualTo("faces");
			ModelDescriptor parent = validator.parent(request);
			assertThat(parent.name()).isEqualTo("face-api");
			assertThat(parent.directory()).isEqualTo(this.store.resolve("face-api").resolve("1"));
		}
		assertThat(validator.parent(request(null))).isNull();
	}

	@Test
	void namesTheFieldOfAnUnknownModelOrVersion() throws IOException {
		TrainingJobValidator validator = validator();
		assertThat(errors(validator, request(new InitFrom("nobody", 1, null)))).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("initFrom.model");
			assertThat(error.message()).contains("unknown model 'nobody'");
		});
		assertThat(errors(validator, request(new InitFrom("face-api", 7, null)))).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("initFrom.version");
			assertThat(error.message()).contains("no version 7", "[1]");
		});
		assertThat(errors(validator, request(new InitFrom(null, null, null)))).extracting(FieldError::field)
			.containsExactly("initFrom.model", "initFrom.version");
		assertThat(errors(validator, request(new InitFrom("Face API", 0, null)))).extracting(FieldError::field)
			.containsExactly("initFrom.model", "initFrom.version");
	}

	@Test
	void refusesAModelOfAnotherTaskOrAnotherNetwork() throws IOException {
		TrainingJobValidator validator = validator();
		assertThat(errors(validator, request(new InitFrom("fashion-mnist", 1, null)))).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("initFrom.model");
				assertThat(error.message()).contains("is a classifier");
			});
		// The small verifier trained here is a face-embedder without alignment.
		assertThat(errors(validator, request(new InitFrom("orl-faces", 1, null)))).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("initFrom.version");
				assertThat(error.message()).contains("'face-embedder'", "face-api-recognition");
			});
	}

	@Test
	void refusesAnInvalidFreezeAndAnArchitectureOrInputBesideInitFrom() throws IOException {
		TrainingJobValidator validator = validator();
		assertThat(errors(validator, request(new InitFrom("face-api", 1, "conv512")))).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("initFrom.freeze");
				assertThat(error.message()).contains("all-but-last", "conv128", "'conv512'");
			});
		// freeze is checked even when the version is unknown, so one answer lists both.
		assertThat(errors(validator, request(new InitFrom("nobody", 1, "last")))).extracting(FieldError::field)
			.containsExactly("initFrom.model", "initFrom.freeze");
		TrainingJobRequest both = new TrainingJobRequest("face-verifier", "mine",
				new ArchitectureRequest("face-embedder", Map.of()), "faces", new InputSize(64, 64), null, null, null,
				null, null, null, new InitFrom("face-api", 1, null));
		assertThat(errors(validator, both)).extracting(FieldError::field).containsExactly("architecture", "input");
	}

	@Test
	void refusesInitFromOnTasksThatAlwaysTrainAFreshNetwork() throws IOException {
		TrainingJobRequest classifier = new TrainingJobRequest("classifier", "m", null, "faces", null, null, null, null,
				null, null, null, new InitFrom("fashion-mnist", 1, null));
		assertThat(errors(validator(), classifier)).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("initFrom");
			assertThat(error.message()).contains("face-verifier");
		});
	}

	@Test
	void admissionCopiesTheVersionIntoTheJobFolder() throws IOException {
		TrainingJobValidator validator = validator();
		Path job = this.store.resolve("job");
		ParentVersions.copy(validator.parent(request(new InitFrom("face-api", 1, null))), job);
		assertThat(job.resolve("descriptor.yaml"))
			.hasSameTextualContentAs(Path.of("..", "model-store", "face-api", "1", "descriptor.yaml"));
		assertThat(job.resolve("face-api-0000.params")).isRegularFile();
		assertThat(job.resolve("face-api-landmarks.params")).isRegularFile();
	}

	private TrainingJobValidator validator() throws IOException {
		for (String model : List.of("face-api", "fashion-mnist", "orl-faces")) {
			Path shipped = Path.of("..", "model-store", model);
			Path version = Files.createDirectories(this.store.resolve(model).resolve("1"));
			Files.copy(shipped.resolve("model.yaml"), this.store.resolve(model).resolve("model.yaml"));
			Files.copy(shipped.resolve("1").resolve("descriptor.yaml"), version.resolve("descriptor.yaml"));
		}
		// Only the face-api artifacts are read (by the copy); links keep the test light.
		Path shipped = Path.of("..", "model-store", "face-api", "1").toAbsolutePath();
		for (String file : List.of("face-api-0000.params", "face-api-landmarks.params")) {
			Files.createSymbolicLink(this.store.resolve("face-api").resolve("1").resolve(file), shipped.resolve(file));
		}
		given(this.catalog.find("faces")).willReturn(Optional.of(faces()));
		return new TrainingJobValidator(this.catalog, TrainingTasks.load(),
				new ModelStore(this.store, List.of(shipped)));
	}

	private static List<FieldError> errors(TrainingJobValidator validator, TrainingJobRequest request) {
		return catchThrowableOfType(InvalidJobRequestException.class, () -> validator.validate(request)).errors();
	}

	private static TrainingJobRequest request(InitFrom initFrom) {
		return new TrainingJobRequest("face-verifier", "mine", null, "faces", null, null, "if-better", null, null, null,
				null, initFrom);
	}

	private static Dataset faces() {
		Map<String, Integer> perClass = new LinkedHashMap<>();
		for (int i = 0; i < 10; i++) {
			perClass.put("id" + i, 4);
		}
		return new Dataset("faces", DatasetKind.IMAGE_FOLDERS, "upload", Path.of("/tmp/faces"),
				Map.of("classes", List.copyOf(perClass.keySet()), "classCount", 10, "imagesPerClass", perClass),
				Instant.now());
	}

}
