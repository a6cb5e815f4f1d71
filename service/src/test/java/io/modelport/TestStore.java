package io.modelport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

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
	 * Points the service at the shared store, ahead of every other property source.
	 */
	static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("modelport.store.location=" + models(),
					"modelport.datasets.location=" + ROOT.resolve("datasets"),
					"modelport.training.work-dir=" + ROOT.resolve("jobs"),
					"spring.datasource.url=jdbc:h2:mem:it-" + UUID.randomUUID()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
				.applyTo(context);
		}

	}

}
