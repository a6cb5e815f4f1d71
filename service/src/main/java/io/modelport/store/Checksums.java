package io.modelport.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of model artifacts, so a truncated or swapped file is caught before it
 * is loaded into the engine.
 *
 * @author Modelport Team
 */
public final class Checksums {

	private Checksums() {
	}

	/**
	 * Computes the SHA-256 of a file.
	 * @param file the file
	 * @return the lower-case hex digest
	 * @throws IOException when the file cannot be read
	 */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Checks every pinned artifact of a descriptor.
	 * @param descriptor the descriptor
	 * @throws InvalidModelException when an artifact is missing or its digest differs
	 */
	public static void verify(ModelDescriptor descriptor) {
		for (Artifact artifact : descriptor.artifacts()) {
			Path file = descriptor.directory().resolve(artifact.file());
			if (!Files.isRegularFile(file)) {
				throw new InvalidModelException("artifact " + artifact.file() + " is missing");
			}
			if (artifact.sha256() == null) {
				continue;
			}
			String actual;
			try {
				actual = sha256(file);
			}
			catch (IOException ex) {
				throw new InvalidModelException("cannot read artifact " + artifact.file() + ": " + ex.getMessage(), ex);
			}
			if (!actual.equals(artifact.sha256())) {
				throw new InvalidModelException("checksum mismatch for " + artifact.file() + ": expected "
						+ artifact.sha256() + ", found " + actual);
			}
		}
	}

}
