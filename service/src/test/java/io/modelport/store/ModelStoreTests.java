package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ModelStore}, {@link ModelSettings} and
 * {@link ServingPropertiesReader}.
 *
 * @author Modelport Team
 */
class ModelStoreTests {

	@TempDir
	Path store;

	@Test
	void findsVersionFoldersAndSkipsEverythingElse() throws IOException {
		Files.createDirectories(this.store.resolve("shirts/1"));
		Files.createDirectories(this.store.resolve("shirts/10"));
		Files.createDirectories(this.store.resolve("shirts/02"));
		Files.createDirectories(this.store.resolve("shirts/latest"));
		Files.createDirectories(this.store.resolve("Bad Name/1"));
		Files.createDirectories(this.store.resolve(".hidden/1"));
		Files.writeString(this.store.resolve("shirts/model.yaml"), "defaultVersion: 1\nrequired: true\n");
		List<StoredModel> models = new ModelStore(this.store).scan();
		assertThat(models).extracting(StoredModel::name).containsExactly("shirts");
		StoredModel shirts = models.get(0);
		assertThat(shirts.versions()).containsOnlyKeys(1, 10);
		assertThat(shirts.settings()).isEqualTo(new ModelSettings(1, true, null));
		assertThat(shirts.servingProperties()).isFalse();
	}

	@Test
	void anInvalidModelYamlFallsBackToDefaults() throws IOException {
		Files.createDirectories(this.store.resolve("m/1"));
		Files.writeString(this.store.resolve("m/model.yaml"), "defaultVersion: two\n");
		assertThat(new ModelStore(this.store).find("m")).get()
			.extracting(StoredModel::settings)
			.isEqualTo(ModelSettings.DEFAULTS);
	}

	@Test
	void aMissingStoreServesNothing() {
		assertThat(new ModelStore(this.store.resolve("absent")).scan()).isEmpty();
	}

	@Test
	void findRefusesTraversal() {
		assertThat(new ModelStore(this.store).find("../etc")).isEmpty();
		assertThat(new ModelStore(this.store).find("absent")).isEmpty();
	}

	@Test
	void readsADjlServingFolderAsVersionOne() throws IOException {
		Path folder = Files.createDirectories(this.store.resolve("resnet"));
		Files.writeString(folder.resolve("serving.properties"), """
				engine=PyTorch
				translatorFactory=ai.djl.modality.cv.translator.ImageClassificationTranslatorFactory
				width=32
				height=24
				normalize=true
				topK=3
				""");
		Files.writeString(folder.resolve("synset.txt"), "cat\ndog\n");
		Files.writeString(folder.resolve("resnet.pt"), "not really torchscript");
		StoredModel stored = new ModelStore(this.store).find("resnet").orElseThrow();
		assertThat(stored.servingProperties()).isTrue();
		ModelDescriptor descriptor = stored.descriptor(1);
		assertThat(descriptor.format()).isEqualTo(ArtifactFormat.TORCHSCRIPT);
		assertThat(descriptor.weights().file()).isEqualTo("resnet.pt");
		assertThat(descriptor.labels()).containsExactly("cat", "dog");
		assertThat(descriptor.input().width()).isEqualTo(32);
		assertThat(descriptor.input().height()).isEqualTo(24);
		assertThat(descriptor.input().channels()).isEqualTo(3);
		assertThat(descriptor.input().mean()).containsExactly(0.485f, 0.456f, 0.406f);
		assertThat(descriptor.intParameter("topK", 5)).isEqualTo(3);
	}

	@Test
	void readsAnOnnxRuntimeServingFolder() throws IOException {
		Path folder = Files.createDirectories(this.store.resolve("fashion"));
		Files.writeString(folder.resolve("serving.properties"), """
				engine=OnnxRuntime
				option.modelName=graph
				flag=grayscale
				width=28
				height=28
				""");
		Files.writeString(folder.resolve("synset.txt"), "cat\ndog\n");
		Files.writeString(folder.resolve("graph.onnx"), "not really onnx");
		Files.writeString(folder.resolve("other.pt"), "a TorchScript file the OnnxRuntime engine ignores");
		ModelDescriptor descriptor = new ModelStore(this.store).find("fashion").orElseThrow().descriptor(1);
		assertThat(descriptor.format()).isEqualTo(ArtifactFormat.ONNX);
		assertThat(descriptor.format().engine()).isEqualTo("OnnxRuntime");
		assertThat(descriptor.weights().file()).isEqualTo("graph.onnx");
		assertThat(descriptor.input().channels()).isEqualTo(1);
	}

	@Test
	void anOnnxRuntimeServingFolderNeedsOneOnnxFile() throws IOException {
		Path folder = Files.createDirectories(this.store.resolve("fashion"));
		Files.writeString(folder.resolve("serving.properties"), "engine=OnnxRuntime\n");
		Files.writeString(folder.resolve("synset.txt"), "cat\n");
		Files.writeString(folder.resolve("fashion.pt"), "TorchScript, not ONNX");
		StoredModel stored = new ModelStore(this.store).find("fashion").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> stored.descriptor(1))
			.withMessageContaining("expected one .onnx file next to serving.properties, found 0");
	}

	@Test
	void refusesUnknownServingEngines() throws IOException {
		Path folder = Files.createDirectories(this.store.resolve("mx"));
		Files.writeString(folder.resolve("serving.properties"), "engine=MXNet\n");
		StoredModel stored = new ModelStore(this.store).find("mx").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> stored.descriptor(1))
			.withMessage("serving.properties engine must be PyTorch or OnnxRuntime, was MXNet");
	}

	@Test
	void refusesNonClassifierServingFolders() throws IOException {
		Path folder = Files.createDirectories(this.store.resolve("yolo"));
		Files.writeString(folder.resolve("serving.properties"),
				"translatorFactory=ai.djl.modality.cv.translator.YoloV5TranslatorFactory\n");
		StoredModel stored = new ModelStore(this.store).find("yolo").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> stored.descriptor(1))
			.withMessageContaining("only image classifiers");
	}

	@Test
	void aVersionFolderWithoutDescriptorIsInvalid() throws IOException {
		Files.createDirectories(this.store.resolve("m/1"));
		StoredModel stored = new ModelStore(this.store).find("m").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> stored.descriptor(1))
			.withMessageContaining("neither descriptor.yaml nor serving.properties");
	}

	@Test
	void modelNamesAreRestricted() {
		assertThat(ModelNames.isValid("fashion-mnist")).isTrue();
		assertThat(ModelNames.isValid("a.b_c-1")).isTrue();
		assertThat(ModelNames.isValid("..")).isFalse();
		assertThat(ModelNames.isValid("a..b")).isFalse();
		assertThat(ModelNames.isValid("-a")).isFalse();
		assertThat(ModelNames.isValid("A")).isFalse();
		assertThat(ModelNames.isValid("a/b")).isFalse();
		assertThat(ModelNames.isValid("x".repeat(65))).isFalse();
	}

}
