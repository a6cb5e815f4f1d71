package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DescriptorParser} and {@link DescriptorWriter}.
 *
 * @author Modelport Team
 */
class DescriptorParserTests {

	private static final String VALID = """
			task: classifier
			format: djl-params
			architecture:
			  name: conv-classifier
			  parameters: {filters: [4, 8], dense: 16, classes: 3}
			artifacts:
			  - file: m-0003.params
			    sha256: ABCDEF
			input: {width: 28, height: 20, channels: 1, scale: 255, mean: [0.5], std: [0.25]}
			labels: [cat, dog, bird]
			parameters: {topK: 2, applySoftmax: false}
			provenance:
			  quality: {testAccuracy: 0.9}
			""";

	@TempDir
	Path dir;

	@Test
	void parsesEveryField() throws IOException {
		ModelDescriptor descriptor = parse(VALID);
		assertThat(descriptor.name()).isEqualTo("demo");
		assertThat(descriptor.version()).isEqualTo(3);
		assertThat(descriptor.task()).isEqualTo(Task.CLASSIFIER);
		assertThat(descriptor.format()).isEqualTo(ArtifactFormat.DJL_PARAMS);
		assertThat(descriptor.architecture().name()).isEqualTo("conv-classifier");
		assertThat(descriptor.architecture().parameters()).containsEntry("filters", List.of(4, 8));
		assertThat(descriptor.weights()).isEqualTo(new Artifact("m-0003.params", "abcdef"));
		assertThat(descriptor.input().width()).isEqualTo(28);
		assertThat(descriptor.input().height()).isEqualTo(20);
		assertThat(descriptor.input().normalize(255f, 0)).isEqualTo(2f);
		assertThat(descriptor.labels()).containsExactly("cat", "dog", "bird");
		assertThat(descriptor.intParameter("topK", 5)).isEqualTo(2);
		assertThat(descriptor.booleanParameter("applySoftmax", true)).isFalse();
		assertThat(descriptor.provenance()).containsEntry("quality", Map.of("testAccuracy", 0.9));
	}

	@Test
	void readsLabelsFromAFile() throws IOException {
		Files.writeString(this.dir.resolve("synset.txt"), "a\nb\n\n");
		ModelDescriptor descriptor = parse(VALID.replace("labels: [cat, dog, bird]", "labelsFile: synset.txt"));
		assertThat(descriptor.labels()).containsExactly("a", "b");
	}

	@Test
	void rejectsAnUnknownTask() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> parse(VALID.replace("task: classifier", "task: regression")))
			.withMessageContaining("unknown task 'regression'");
	}

	@Test
	void rejectsAMissingTask() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> parse(VALID.replace("task: classifier", "")))
			.withMessageContaining("'task' is required");
	}

	@Test
	void rejectsAVersionThatDiffersFromTheFolder() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> parse("version: 7\n" + VALID))
			.withMessageContaining("version 7");
	}

	@Test
	void rejectsAnArtifactOutsideTheFolder() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> parse(VALID.replace("m-0003.params", "../../etc/passwd")))
			.withMessageContaining("inside the version folder");
	}

	@Test
	void rejectsParamsWithoutArchitecture() {
		String yaml = VALID.replaceAll("(?s)architecture:.*?classes: 3\\}\n", "");
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> parse(yaml))
			.withMessageContaining("needs an architecture");
	}

	@Test
	void rejectsMalformedYaml() {
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> parse("task: [unclosed"));
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> parse("- just\n- a list\n"))
			.withMessageContaining("mapping");
	}

	@Test
	void refusesYamlThatInstantiatesClasses() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> parse("task: !!java.io.File [\"/tmp\"]\n" + VALID.replace("task: classifier\n", "")));
	}

	@Test
	void writerOutputParsesBackToTheSameDescriptor() throws IOException {
		ModelDescriptor original = parse(VALID);
		Path copy = Files.createDirectories(this.dir.resolve("copy"));
		ModelDescriptor moved = new ModelDescriptor(original.name(), original.version(), original.task(),
				original.format(), original.architecture(), original.artifacts(), original.input(), original.labels(),
				original.parameters(), original.provenance(), copy);
		DescriptorWriter.write(moved);
		assertThat(DescriptorParser.parse("demo", 3, copy)).isEqualTo(moved);
	}

	private ModelDescriptor parse(String yaml) throws IOException {
		Files.writeString(this.dir.resolve(DescriptorParser.FILE_NAME), yaml);
		return DescriptorParser.parse("demo", 3, this.dir);
	}

}
