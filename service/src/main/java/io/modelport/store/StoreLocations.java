package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where model files may come from: the model store and the configured
 * {@code modelport.store.allowed-locations}. A version folder, or any file in it, that is
 * a symbolic link (or lies under one) leading anywhere else is refused before anything is
 * read, so a link planted in the store cannot make the service load, hash or serve files
 * from elsewhere on the machine.
 *
 * @author Modelport Team
 */
public final class StoreLocations {

	private static final int MAX_DEPTH = 8;

	private final Path store;

	private final List<Path> allowed;

	/**
	 * Creates the rule.
	 * @param store the model store folder
	 * @param allowed further folders whose files models may use through links
	 */
	public StoreLocations(Path store, List<Path> allowed) {
		this.store = store.toAbsolutePath().normalize();
		this.allowed = allowed.stream().map((path) -> path.toAbsolutePath().normalize()).toList();
	}

	/**
	 * Checks a version folder and everything in it.
	 * @param folder the version folder
	 * @throws InvalidModelException when it, or a file in it, resolves outside the store
	 * and the allowed locations, or a link in it is broken
	 */
	public void verify(Path folder) {
		List<Path> roots = roots();
		Path real = realPath(folder, folder);
		requireInside(real, folder, roots);
		try (Stream<Path> paths = Files.walk(real, MAX_DEPTH)) {
			for (Path path : paths.filter(Files::isSymbolicLink).toList()) {
				Path shown = folder.resolve(real.relativize(path).toString());
				requireInside(realPath(path, shown), shown, roots);
			}
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot list " + folder.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	private List<Path> roots() {
		List<Path> roots = new ArrayList<>();
		roots.add(realOrNormal(this.store));
		this.allowed.forEach((path) -> roots.add(realOrNormal(path)));
		return roots;
	}

	private void requireInside(Path real, Path shown, List<Path> roots) {
		if (roots.stream().noneMatch(real::startsWith)) {
			throw new InvalidModelException(describe(shown)
					+ " is a link that leads outside the model store and modelport.store.allowed-locations");
		}
	}

	private Path realPath(Path path, Path shown) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			throw new InvalidModelException(describe(shown) + " cannot be resolved (a broken link?)", ex);
		}
	}

	// Names relative to the store, never the link's target: failure reasons are served.
	private String describe(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return absolute.startsWith(this.store) ? this.store.relativize(absolute).toString() : absolute.toString();
	}

	private static Path realOrNormal(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path;
		}
	}

}
