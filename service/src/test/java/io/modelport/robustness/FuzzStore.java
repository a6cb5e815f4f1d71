package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.modelport.Fixtures;
import io.modelport.faces.FaceImagesFixture;
import io.modelport.seq2seq.TranslatorFixture;
import io.modelport.words.WordsFixture;

/**
 * One temporary folder holding everything the fuzzed service touches: a model store with
 * one small model of every task (the fixtures of the feature tests), the data set and job
 * folders, and beside them an {@code outside} folder with a secret file and a complete
 * model, which no request may ever read, serve or write to.
 *
 * @author Modelport Team
 */
final class FuzzStore {

	static final String CLASSIFIER = Fixtures.TINY_MODEL;

	static final String DETECTOR = "constant-detector";

	static final String FACES = FaceImagesFixture.MODEL;

	static final String WORDS = WordsFixture.TABLE;

	static final String TRANSLATOR = TranslatorFixture.MODEL;

	static final List<String> MODELS = List.of(CLASSIFIER, DETECTOR, FACES, WORDS, TRANSLATOR);

	static final String SECRET = "modelport-canary-7f3a";

	private final Path root;

	private FuzzStore(Path root) {
		this.root = root;
	}

	static FuzzStore create() {
		try {
			Path root = Files.createTempDirectory("modelport-fuzz");
			Path store = Files.createDirectories(root.resolve("store"));
			Fixtures.copyTinyModel(store, CLASSIFIER, 1);
			Fixtures.constantDetector(store.resolve(DETECTOR).resolve("1"));
			Fixtures.copyTree(FaceImagesFixture.store(false).resolve(FACES), store.resolve(FACES));
			Fixtures.copyTree(WordsFixture.store().resolve(WORDS), store.resolve(WORDS));
			Fixtures.copyTree(TranslatorFixture.store().resolve(TRANSLATOR), store.resolve(TRANSLATOR));
			Path outside = Files.createDirectories(root.resolve("outside"));
			Files.writeString(outside.resolve("secret.txt"), SECRET);
			Fixtures.copyTinyModel(outside, "evil", 1);
			return new FuzzStore(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path root() {
		return this.root;
	}

	Path models() {
		return this.root.resolve("store");
	}

	Path datasets() {
		return this.root.resolve("datasets");
	}

	Path jobs() {
		return this.root.resolve("jobs");
	}

	Path outside() {
		return this.root.resolve("outside");
	}

	/**
	 * Every path under the temporary folder except the model store and the data set and
	 * job folders, which requests may legitimately write to: a request that writes
	 * anywhere else changes this list.
	 * @return the paths, relative and sorted
	 */
	List<String> guardedFiles() {
		try (Stream<Path> paths = Files.walk(this.root)) {
			return paths.map((path) -> this.root.relativize(path).toString())
				.filter((path) -> !path.startsWith("store") && !path.startsWith("datasets") && !path.startsWith("jobs"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
