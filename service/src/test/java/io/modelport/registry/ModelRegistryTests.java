package io.modelport.registry;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

import io.modelport.Fixtures;
import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelClosedException;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelStore;
import io.modelport.store.ModelStoreProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loads real (tiny) models from a temporary store, next to broken ones.
 *
 * @author Modelport Team
 */
class ModelRegistryTests {

	@TempDir
	Path store;

	private ModelRegistry registry;

	@AfterEach
	void stop() {
		if (this.registry != null) {
			this.registry.stop();
		}
	}

	@Test
	void brokenModelsFailWithAReasonAndNeverStopTheOthers() throws IOException {
		Fixtures.copyTinyModel(this.store, "good", 1);
		Path tampered = Fixtures.copyTinyModel(this.store, "tampered", 1);
		Files.write(Fixtures.paramsFile(tampered), new byte[] { 1, 2, 3 });
		Path yaml = Fixtures.copyTinyModel(this.store, "bad-yaml", 1);
		Files.writeString(yaml.resolve(DescriptorParser.FILE_NAME), "task: [unclosed");
		Path arch = Fixtures.copyTinyModel(this.store, "wrong-architecture", 1);
		Path descriptor = arch.resolve(DescriptorParser.FILE_NAME);
		Files.writeString(descriptor, Files.readString(descriptor).replaceFirst("dense: \\d+", "dense: 64"));
		Path stages = Fixtures.copyTinyModel(this.store, "wrong-stages", 1).resolve(DescriptorParser.FILE_NAME);
		Files.writeString(stages, Files.readString(stages).replace("    - 16\n", "    - 16\n    - 32\n"));

		start(List.of());

		assertThat(state("good", 1)).isEqualTo(ModelState.READY);
		assertThat(this.registry.resolve("good", null).descriptor().version()).isEqualTo(1);
		assertFailed("tampered", "checksum mismatch");
		assertFailed("bad-yaml", "invalid descriptor.yaml");
		assertFailed("wrong-architecture", "has shape (64, 784) in the architecture but (32, 784) in the file");
		assertFailed("wrong-stages", "cannot load");
		assertThatExceptionOfType(ModelNotReadyException.class).isThrownBy(() -> this.registry.resolve("tampered", 1))
			.withMessageContaining("failed to load");
		assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> this.registry.resolve("absent", null));
		assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> this.registry.resolve("good", 9));
	}

	@Test
	void aStoppedRegistryStartsAgainAndServes() {
		// Spring pauses a cached test context by stopping its lifecycle beans and starts
		// them again when a test reuses it; models must then load afresh, not look READY
		// with nothing loaded.
		Fixtures.copyTinyModel(this.store, "m", 1);
		start(List.of());
		this.registry.stop();
		this.registry.start();
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(60))).isTrue();
		assertThat(state("m", 1)).isEqualTo(ModelState.READY);
		assertThat(this.registry.resolve("m", null)).isNotNull();
	}

	@Test
	void aFailedNewerVersionLeavesTheServingVersionInPlace() throws IOException {
		Fixtures.copyTinyModel(this.store, "m", 1);
		start(List.of());
		LoadedModel serving = this.registry.resolve("m", null);

		Path v2 = Fixtures.copyTinyModel(this.store, "m", 2);
		Files.write(Fixtures.paramsFile(v2), new byte[] { 0 });
		RegisteredModel reloaded = this.registry.reload("m");

		assertThat(reloaded.version(2).state()).isEqualTo(ModelState.FAILED);
		assertThat(reloaded.defaultVersion().version()).isEqualTo(1);
		assertThat(this.registry.resolve("m", null)).isSameAs(serving);
	}

	@Test
	void reloadAddsNewVersionsAndDropsRemovedOnes() throws IOException {
		Fixtures.copyTinyModel(this.store, "m", 1);
		start(List.of());
		Fixtures.copyTinyModel(this.store, "m", 2);

		assertThat(this.registry.reload("m").defaultVersion().version()).isEqualTo(2);
		assertThat(state("m", 2)).isEqualTo(ModelState.READY);

		deleteTree(this.store.resolve("m/2"));
		RegisteredModel reloaded = this.registry.reload("m");
		assertThat(reloaded.versions()).extracting(ModelVersion::version).containsExactly(1);
		assertThat(reloaded.defaultVersion().version()).isEqualTo(1);
	}

	@Test
	void aPinnedDefaultVersionWins() throws IOException {
		Fixtures.copyTinyModel(this.store, "m", 1);
		Fixtures.copyTinyModel(this.store, "m", 2);
		Files.writeString(this.store.resolve("m/model.yaml"), "defaultVersion: 1\n");
		start(List.of());
		assertThat(this.registry.resolve("m", null).descriptor().version()).isEqualTo(1);
		assertThat(this.registry.resolve("m", 2).descriptor().version()).isEqualTo(2);
	}

	@Test
	void readinessWaitsForRequiredModelsOnly() throws IOException {
		Fixtures.copyTinyModel(this.store, "good", 1);
		Path broken = Fixtures.copyTinyModel(this.store, "optional-broken", 1);
		Files.write(Fixtures.paramsFile(broken), new byte[] { 0 });
		start(List.of());
		assertThat(new ModelsHealthIndicator(this.registry).health().getStatus()).isEqualTo(Status.UP);
		this.registry.stop();

		this.registry = null;
		start(List.of("optional-broken"));
		assertThat(new ModelsHealthIndicator(this.registry).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void servesATorchScriptModelFromADjlServingFolder() throws Exception {
		Fixtures.copyTree(Path.of("src/test/resources/djl-serving/torch-fashion"), this.store.resolve("torch-fashion"));
		start(List.of());
		LoadedModel model = this.registry.resolve("torch-fashion", null);
		assertThat(model.descriptor().format()).isEqualTo(ArtifactFormat.TORCHSCRIPT);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.image("trouser.png")));
		float[] probabilities = model.predict(ImagePreprocessor.toTensor(image, model.descriptor().input()));
		int best = 0;
		for (int i = 1; i < probabilities.length; i++) {
			best = (probabilities[i] > probabilities[best]) ? i : best;
		}
		assertThat(model.descriptor().labels().get(best)).isEqualTo("Trouser");
	}

	@Test
	void promotionUnderLoadSwapsWithoutErrorsAndUnloadsTheReplacedVersion() throws Exception {
		Fixtures.copyTinyModel(this.store, "m", 1);
		Fixtures.copyTinyModel(this.store, "m", 2);
		Files.writeString(this.store.resolve("m/model.yaml"), "defaultVersion: 1\n");
		start(List.of());
		LoadedModel replaced = this.registry.resolve("m", null);
		float[] input = ImagePreprocessor.toTensor(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY),
				replaced.descriptor().input());
		AtomicBoolean running = new AtomicBoolean(true);
		Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
		Map<Integer, AtomicInteger> servedBy = Map.of(1, new AtomicInteger(), 2, new AtomicInteger());
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			clients.execute(() -> {
				while (running.get()) {
					try {
						LoadedModel model = this.registry.resolve("m", null);
						model.predict(input);
						servedBy.get(model.descriptor().version()).incrementAndGet();
					}
					catch (Exception ex) {
						errors.add(ex);
					}
				}
			});
		}
		Awaitility.await().until(() -> servedBy.get(1).get() > 50);
		this.registry.promote("m", 2);
		assertThat(state("m", 1)).isEqualTo(ModelState.UNLOADED);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatExceptionOfType(ModelClosedException.class)
				.isThrownBy(() -> replaced.predict(input)));
		Awaitility.await().until(() -> servedBy.get(2).get() > 50);
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(errors).isEmpty();
		assertThat(this.registry.resolve("m", null).descriptor().version()).isEqualTo(2);
		assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> this.registry.resolve("m", 1))
			.withMessageContaining("promote it to serve it again");
	}

	@Test
	void promotingAnUnloadedVersionLoadsItAgain() throws IOException {
		Fixtures.copyTinyModel(this.store, "m", 1);
		Fixtures.copyTinyModel(this.store, "m", 2);
		Files.writeString(this.store.resolve("m/model.yaml"), "defaultVersion: 1\n");
		start(List.of());
		this.registry.promote("m", 2);
		assertThat(state("m", 1)).isEqualTo(ModelState.UNLOADED);

		this.registry.promote("m", 1);

		assertThat(state("m", 1)).isEqualTo(ModelState.READY);
		assertThat(state("m", 2)).isEqualTo(ModelState.UNLOADED);
		assertThat(this.registry.resolve("m", null).descriptor().version()).isEqualTo(1);
		assertThat(Files.readString(this.store.resolve("m/model.yaml"))).contains("defaultVersion: 1");
	}

	@Test
	void theConfiguredRegistryLoadsWhileTheContextIsStillBeingBuilt() {
		Fixtures.copyTinyModel(this.store, "early", 1);
		ModelStoreProperties properties = new ModelStoreProperties(this.store, 2, List.of("early"),
				Duration.ofSeconds(60), true, Duration.ofMillis(300), List.of());
		ModelLoader loader = new ModelLoader(List.of(new ClassifierTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		this.registry = new RegistryConfiguration().modelRegistry(new ModelStore(this.store), loader, properties,
				new SimpleMeterRegistry());
		// Running already, so the lifecycle start that comes later does not start it
		// again.
		assertThat(this.registry.isRunning()).isTrue();
		assertThat(this.registry.models()).extracting(RegisteredModel::name).containsExactly("early");
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(60))).isTrue();
		assertThat(this.registry.requiredModelsReady()).isTrue();
	}

	@Test
	void reloadOfAnUnknownFolderIsNotFound() {
		start(List.of());
		assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> this.registry.reload("ghost"));
		assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> this.registry.reload("../x"));
	}

	private void start(List<String> required) {
		ModelStoreProperties properties = new ModelStoreProperties(this.store, 2, required, Duration.ofSeconds(60),
				true, Duration.ofMillis(300), List.of());
		ModelLoader loader = new ModelLoader(List.of(new ClassifierTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		this.registry = new ModelRegistry(new ModelStore(this.store), loader, properties, new SimpleMeterRegistry());
		this.registry.start();
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(60))).isTrue();
	}

	private ModelState state(String model, int version) {
		return this.registry.find(model).version(version).state();
	}

	private void assertFailed(String model, String reason) {
		ModelVersion version = this.registry.find(model).version(1);
		assertThat(version.state()).isEqualTo(ModelState.FAILED);
		assertThat(version.failureReason()).contains(reason);
	}

	private static void deleteTree(Path folder) throws IOException {
		try (var paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
