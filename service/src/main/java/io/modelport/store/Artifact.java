package io.modelport.store;

/**
 * One file of a model version and the SHA-256 it must have.
 *
 * @param file the file name, relative to the version folder
 * @param sha256 the expected lower-case hex digest, or {@code null} when not pinned
 * @author Modelport Team
 */
public record Artifact(String file, String sha256) {

	public Artifact {
		if (file == null || file.isBlank()) {
			throw new IllegalArgumentException("artifact file must not be blank");
		}
		if (file.contains("..") || file.startsWith("/") || file.contains("\\")) {
			throw new IllegalArgumentException("artifact file must stay inside the version folder: " + file);
		}
		sha256 = (sha256 != null) ? sha256.toLowerCase(java.util.Locale.ROOT) : null;
	}

}
