package io.modelport.metrics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Prometheus tools (Debian package {@code prometheus}) on the PATH. A test that
 * needs one is skipped where it is absent, unless its system property says it is required
 * (CI installs the package and sets the properties).
 *
 * @author Modelport Team
 */
final class Executables {

	private Executables() {
	}

	/**
	 * The program's path, or a skipped test.
	 * @param name the program
	 * @param requiredProperty the boolean system property that turns the skip into a
	 * failure
	 * @return the absolute path
	 */
	static String require(String name, String requiredProperty) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		if (!Boolean.getBoolean(requiredProperty)) {
			Assumptions.abort(name + " is not installed (apt-get install prometheus); skipping");
		}
		throw new AssertionError(name + " is required (-D" + requiredProperty + "=true) but not on the PATH");
	}

}
