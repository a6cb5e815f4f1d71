package io.modelport.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fills a writable model store from a read-only one (the repository's shipped
 * {@code model-store/}): every model file and version folder the writable store lacks is
 * copied in; nothing there is overwritten. Trained, imported and promoted versions are
 * then written to the writable store only, so serving from a clone never dirties its work
 * tree, and shipped versions added later (a {@code git pull}) still appear at the next
 * start.
 *
 * @author Modelport Team
 */
public final class StoreSeed {

	private static final Log logger = LogFactory.getLog(StoreSeed.class);

	private StoreSeed() {
	}

	/**
	 * Copies what the target lacks.
	 * @param seed the read-only store, may be missing (then nothing is copied)
	 * @param target the writable store, created when missing
	 * @return the entries copied, relative to the stores
	 */
	public static List<Path> copyMissing(Path seed, Path target) {
		List<Path> copied = new ArrayList<>();
		if (seed == null || !Files.isDirectory(seed)
				|| seed.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
			return copied;
		}
		try {
			Files.createDirectories(target);
			for (Path model : children(seed)) {
				if (!Files.isDirectory(model) || hidden(model)) {
					continue;
				}
				Path modelTarget = Files.createDirectories(target.resolve(model.getFileName().toString()));
				for (Path entry : children(model)) {
					Path entryTarget = modelTarget.resolve(entry.getFileName().toString());
					if (!hidden(entry) && !Files.exists(entryTarget)) {
						copyTree(entry, entryTarget);
						copied.add(seed.relativize(entry));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot fill model store " + target + " from " + seed, ex);
		}
		if (!copied.isEmpty()) {
			logger.info("Copied " + copied.size() + " shipped model entries from " + seed + " into " + target);
		}
		return copied;
	}

	private static boolean hidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private static List<Path> children(Path folder) throws IOException {
		try (Stream<Path> children = Files.list(folder)) {
			return children.sorted().toList();
		}
	}

	// Copied under a temporary name and moved into place, so a crash never leaves half a
	// version that looks complete.
	private static void copyTree(Path from, Path to) throws IOException {
		Path staging = to.resolveSibling(".seed-" + to.getFileName());
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path copy = staging.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.createDirectories(copy.getParent());
					Files.copy(file, copy);
				}
			}
		}
		Files.move(staging, to);
	}

}
