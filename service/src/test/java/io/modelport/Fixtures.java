package io.modelport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The committed test fixtures: a tiny Fashion-MNIST classifier trained by this project's
 * own trainer (see README.md, "Test fixtures") and sample PNGs from the Fashion-MNIST
 * test split, plus helpers to lay out temporary model stores.
 *
 * @author Modelport Team
 */
public final class Fixtures {

	/** The fixture model's name. */
	public static final String TINY_MODEL = "tiny-fashion";

	/** The folder of the committed fixture model store. */
	public static final Path MODEL_STORE = Path.of("src/test/resources/model-store");

	/** The folder of the committed sample images. */
	public static final Path IMAGES = Path.of("src/test/resources/images/fashion-mnist");

	private Fixtures() {
	}

	/**
	 * Reads a sample image.
	 * @param name the file name, for example {@code trouser.png}
	 * @return the PNG bytes
	 */
	public static byte[] image(String name) {
		try {
			return Files.readAllBytes(IMAGES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies version 1 of the fixture model into a store as the given model and version.
	 * @param store the store folder
	 * @param name the model name to use
	 * @param version the version folder to create
	 * @return the version folder
	 */
	public static Path copyTinyModel(Path store, String name, int version) {
		Path target = store.resolve(name).resolve(Integer.toString(version));
		copyTree(MODEL_STORE.resolve(TINY_MODEL).resolve("1"), target);
		// A descriptor states its own version; a copy published as another version says
		// so.
		Path descriptor = target.resolve("descriptor.yaml");
		try {
			Files.writeString(descriptor,
					Files.readString(descriptor).replaceFirst("(?m)^version: \\d+$", "version: " + version));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/**
	 * Copies a folder tree.
	 * @param source the folder to copy
	 * @param target where to put the copy
	 */
	public static void copyTree(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Finds the single parameter file of a version folder.
	 * @param version the version folder
	 * @return the file
	 */
	public static Path paramsFile(Path version) {
		try (Stream<Path> files = Files.list(version)) {
			return files.filter((file) -> file.toString().endsWith(".params")).findFirst().orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
