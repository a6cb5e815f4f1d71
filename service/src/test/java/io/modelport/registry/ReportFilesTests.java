package io.modelport.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which files of a version folder are served as its report.
 *
 * @author Modelport Team
 */
class ReportFilesTests {

	@TempDir
	Path version;

	@Test
	void servesTheEvaluationAndPicturesButNeverWeightsOrOtherPaths() throws IOException {
		Files.writeString(this.version.resolve("evaluation.json"), "{\"testAuc\":0.99}");
		Files.write(this.version.resolve("roc.png"), new byte[] { 1, 2 });
		Files.writeString(this.version.resolve("descriptor.yaml"), "name: x");
		Files.write(this.version.resolve("faces-0010.params"), new byte[] { 3 });
		Files.writeString(this.version.getParent().resolve("secret.png"), "no");

		assertThat(ReportFiles.list(this.version)).containsExactly("evaluation.json", "roc.png");
		assertThat(ReportFiles.read(this.version, "roc.png")).containsExactly(1, 2);
		assertThat(ReportFiles.type("roc.png")).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(ReportFiles.type("evaluation.json")).isEqualTo(MediaType.APPLICATION_JSON);
		for (String name : new String[] { "descriptor.yaml", "faces-0010.params", "../secret.png", "missing.png" }) {
			assertThatExceptionOfType(ModelNotFoundException.class)
				.isThrownBy(() -> ReportFiles.read(this.version, name))
				.withMessageContaining("no report file");
		}
		assertThat(ReportFiles.list(this.version.resolve("absent"))).isEmpty();
	}

	@Test
	void neverFollowsALinkNamedLikeAReport() throws IOException {
		Path secret = Files.writeString(this.version.getParent().resolve("secret.json"), "{\"password\":1}");
		Files.createSymbolicLink(this.version.resolve("evaluation.json"), secret);
		Files.createSymbolicLink(this.version.resolve("roc.png"), secret);

		assertThat(ReportFiles.list(this.version)).isEmpty();
		assertThatExceptionOfType(ModelNotFoundException.class)
			.isThrownBy(() -> ReportFiles.read(this.version, "evaluation.json"));
	}

}
