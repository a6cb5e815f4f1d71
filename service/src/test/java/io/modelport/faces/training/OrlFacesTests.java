package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real ORL faces (subjects s1..s30) when they are installed beside the
 * repository in {@code shared/datasets/orl-faces} (or at
 * {@code -Dmodelport.orl.location}); the images are never copied into the repository.
 * Skipped where absent, unless {@code modelport.orl.required=true} (CI sets it when the
 * folder is there), which makes the absence a failure.
 *
 * @author Modelport Team
 */
class OrlFacesTests {

	static Path location() {
		String configured = System.getProperty("modelport.orl.location");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("modelport.repository", ".."), "..", "shared", "datasets", "orl-faces")
			.normalize();
	}

	@Test
	void readsThirtyIdentitiesOfTenImages() throws IOException {
		Path orl = location();
		boolean required = Boolean.getBoolean("modelport.orl.required");
		Assumptions.assumeTrue(required || Files.isDirectory(orl),
				"the ORL faces are not installed at " + orl + " (set -Dmodelport.orl.location); skipping");
		FaceImages faces = FaceImages.readFolders(orl, 92 * 112);
		assertThat(faces.identities()).hasSize(30).startsWith("s1", "s2", "s3").endsWith("s30");
		assertThat(faces.count()).isEqualTo(300);
		assertThat(faces.width()).isEqualTo(92);
		assertThat(faces.height()).isEqualTo(112);
		for (int identity = 0; identity < 30; identity++) {
			assertThat(faces.imagesOf(identity)).hasSize(10);
		}
		// The first pixel of s1/1.pgm, byte 0x30 right after its 15-byte header.
		assertThat(faces.pixel(0, 0, 0)).isEqualTo(0x30);
		IdentitySplit split = IdentitySplit.of(faces, 0.2, 0.2, 1);
		assertThat(split.train().count()).isEqualTo(180);
		assertThat(VerificationPairs.of(split.test(), 1).size()).isEqualTo(2 * 6 * 45);
	}

}
