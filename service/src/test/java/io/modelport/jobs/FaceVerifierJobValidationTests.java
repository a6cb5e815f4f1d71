package io.modelport.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.faces.training.FaceSettings;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@code face-verifier} job request is checked up front: its architecture, its face
 * settings field by field, and whether the data set has enough identities with enough
 * images for disjoint train, dev and test identities.
 *
 * @author Modelport Team
 */
class FaceVerifierJobValidationTests {

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	private final TrainingJobValidator validator = new TrainingJobValidator(this.catalog);

	FaceVerifierJobValidationTests() {
		given(this.catalog.find("faces")).willReturn(Optional.of(faces("faces", 10, 4)));
		given(this.catalog.find("few")).willReturn(Optional.of(faces("few", 5, 4)));
		given(this.catalog.find("single")).willReturn(Optional.of(faces("single", 8, 1)));
		given(this.catalog.find("shapes")).willReturn(Optional
			.of(new Dataset("shapes", DatasetKind.IDX, "upload", Path.of("/tmp/shapes"), Map.of(), Instant.now())));
	}

	@Test
	void acceptsAFaceVerifierWithDefaultsAndWithEverySettingGiven() {
		assertThat(this.validator.validate(request("faces", null)).name()).isEqualTo("faces");
		FaceSettings all = new FaceSettings(0.3, "semi-hard", 4, 3, "far", 0.05, 0.2, 0.2, 0.1, 10, 8.0, 0.1, 2);
		assertThat(this.validator.validate(request("faces", all)).name()).isEqualTo("faces");
	}

	@Test
	void namesEveryInvalidFaceSetting() {
		FaceSettings bad = new FaceSettings(0.0, "random", 1, 1, "eer", 1.5, 0.0, 0.95, 0.9, 0, 90.0, -0.1, 11);
		assertThat(errors(request("faces", bad))).extracting(FieldError::field)
			.containsExactly("faces.margin", "faces.mining", "faces.identitiesPerBatch", "faces.imagesPerIdentity",
					"faces.thresholdRule", "faces.targetFar", "faces.devShare", "faces.testShare", "faces.jitter",
					"faces.rotation", "faces.scale", "faces.stepsPerEpoch", "faces.ensemble");
		assertThat(errors(request("faces",
				new FaceSettings(-1.0, null, null, null, null, null, null, null, null, null, null, null, null))))
			.singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("(0, 4]"));
	}

	@Test
	void refusesDataSetsWithTooFewIdentitiesOrImages() {
		assertThat(errors(request("few", null))).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("dataset");
			assertThat(error.message()).contains("5 identities", "at least 6");
		});
		assertThat(errors(request("single", null))).extracting(FieldError::field).containsOnly("dataset");
		assertThat(errors(request("single", null)).get(0).message()).contains("'id0' has 1 image", "at least 2");
		assertThat(errors(request("shapes", null))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("image-folders"));
	}

	@Test
	void refusesAnotherArchitectureAndFaceSettingsOnOtherTasks() {
		TrainingJobRequest classifierNet = new TrainingJobRequest("face-verifier", "verifier",
				new ArchitectureRequest("conv-classifier", Map.of()), "faces", null, null, null, null, null, null,
				null);
		assertThat(errors(classifierNet)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("'face-embedder'"));
		TrainingJobRequest badParameters = new TrainingJobRequest("face-verifier", "verifier",
				new ArchitectureRequest("face-embedder", Map.of("pooling", "max", "embeddingSize", 1)), "faces", null,
				null, null, null, null, null, null);
		assertThat(errors(badParameters)).extracting(FieldError::field).containsExactly("architecture.parameters");
		TrainingJobRequest members = new TrainingJobRequest("face-verifier", "verifier",
				new ArchitectureRequest("face-embedder", Map.of("members", 3)), "faces", null, null, null, null, null);
		assertThat(errors(members)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("faces.ensemble"));
		TrainingJobRequest classifier = new TrainingJobRequest("classifier", "m",
				new ArchitectureRequest("conv-classifier", Map.of()), "shapes", null, null, null, null,
				FaceSettings.unset(), null, null);
		assertThat(errors(classifier)).extracting(FieldError::field).containsExactly("faces");
	}

	private List<FieldError> errors(TrainingJobRequest request) {
		return catchThrowableOfType(InvalidJobRequestException.class, () -> this.validator.validate(request)).errors();
	}

	private static TrainingJobRequest request(String dataset, FaceSettings faces) {
		return new TrainingJobRequest("face-verifier", "verifier",
				new ArchitectureRequest("face-embedder", Map.of("filters", List.of(4, 8), "embeddingSize", 8)), dataset,
				null, null, "always", null, faces, null, null);
	}

	private static Dataset faces(String name, int identities, int images) {
		Map<String, Integer> perClass = new LinkedHashMap<>();
		for (int i = 0; i < identities; i++) {
			perClass.put("id" + i, images);
		}
		return new Dataset(name, DatasetKind.IMAGE_FOLDERS, "upload", Path.of("/tmp/" + name),
				Map.of("classes", List.copyOf(perClass.keySet()), "classCount", identities, "imagesPerClass", perClass),
				Instant.now());
	}

}
