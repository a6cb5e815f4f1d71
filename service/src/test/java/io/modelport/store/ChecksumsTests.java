package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Checksums}.
 *
 * @author Modelport Team
 */
class ChecksumsTests {

	// SHA-256("abc"), FIPS 180-2 appendix B.1.
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@TempDir
	Path dir;

	@Test
	void computesTheStandardDigest() throws IOException {
		assertThat(Checksums.sha256(Files.writeString(this.dir.resolve("a"), "abc"))).isEqualTo(ABC);
	}

	@Test
	void acceptsMatchingArtifacts() throws IOException {
		Files.writeString(this.dir.resolve("w.pt"), "abc");
		assertThatNoException().isThrownBy(() -> Checksums.verify(descriptor("w.pt", ABC.toUpperCase())));
	}

	@Test
	void rejectsATamperedArtifact() throws IOException {
		Files.writeString(this.dir.resolve("w.pt"), "abd");
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> Checksums.verify(descriptor("w.pt", ABC)))
			.withMessageContaining("checksum mismatch for w.pt");
	}

	@Test
	void rejectsAMissingArtifact() {
		assertThatExceptionOfType(InvalidModelException.class)
			.isThrownBy(() -> Checksums.verify(descriptor("w.pt", ABC)))
			.withMessageContaining("w.pt is missing");
	}

	private ModelDescriptor descriptor(String file, String sha256) {
		return new ModelDescriptor("m", 1, Task.CLASSIFIER, ArtifactFormat.TORCHSCRIPT, null,
				List.of(new Artifact(file, sha256)), null, List.of("a"), Map.of(), Map.of(), this.dir);
	}

}
