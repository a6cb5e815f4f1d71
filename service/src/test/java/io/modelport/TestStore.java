package io.modelport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import io.modelport.faces.FaceImagesFixture;
import io.modelport.seq2seq.TranslatorFixture;
import io.modelport.words.WordsFixture;

/**
 * The one model store the integration tests share, made once per test JVM: the small
 * fixture model of every task (classifier, detectors, face verifier, word tables,
 * translator), with data set and job folders beside it and an in-memory job store. One
 * store means one set of properties, so the test classes that use it share one cached
 * Spring context instead of starting a service each.
 *
 * @author Modelport Team
 */
public final class TestStore {

	private static final Path ROOT = create();

	private static final Map<Class<?>, Path> STORES = new ConcurrentHashMap<>();

	private TestStore() {
	}

	/**
	 * The model store folder.
	 * @return the folder
	 */
	public static Path models() {
		return ROOT.resolve("store");
	}

	private static Path create() {
		try {
			Path root = Files.createTempDirectory("modelport-it");
			Path store = Files.createDirectories(root.resolve("store"));
			Fixtures.copyTinyModel(store, Fixtures.TINY_MODEL, 1);
			Fixtures.constantDetector(store.resolve("constant-detector/1"));
			Fixtures.copyTree(Path.of("src/test/resources/model-store-detectors/torch-yolo"),
					store.resolve("torch-yolo"));
			Fixtures.copyTree(FaceImagesFixture.store(false), store);
			Fixtures.copyTree(WordsFixture.store(), store);
			Fixtures.copyTree(TranslatorFixture.store(), store);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points a context at a store, ahead of every other property source; data sets, jobs
	 * and the in-memory job store are the shared ones for the shared store, a fresh set
	 * for any other.
	 * @param context the context
	 * @param store the store's builder
	 */
	static void apply(ConfigurableApplicationContext context, Class<? extends Supplier<Path>> store) {
		Path models = STORES.computeIfAbsent(store, (type) -> BeanUtils.instantiateClass(store).get());
		Path root = (store == Shared.class) ? ROOT : temporaryRoot();
		TestPropertyValues
			.of("modelport.store.location=" + models, "modelport.datasets.location=" + root.resolve("datasets"),
					"modelport.training.work-dir=" + root.resolve("jobs"),
					"spring.datasource.url=jdbc:h2:mem:it-" + UUID.randomUUID()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
			.applyTo(context);
	}

	private static Path temporaryRoot() {
		try {
			return Files.createTempDirectory("modelport-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The shared store, the default of {@link IntegrationTest#store()}.
	 */
	static final class Shared implements Supplier<Path> {

		@Override
		public Path get() {
			return models();
		}

	}

	/**
	 * Finds the store an {@link IntegrationTest} class names, so that the test context
	 * framework keys its cached contexts by it ({@code META-INF/spring.factories}).
	 */
	static final class CustomizerFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configurations) {
			IntegrationTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, IntegrationTest.class);
			return (test != null) ? new StoreCustomizer(test.store()) : null;
		}

	}

	// A record: equal stores give equal customizers, hence one cached context.
	private record StoreCustomizer(Class<? extends Supplier<Path>> store) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			apply(context, this.store);
		}

	}

}
