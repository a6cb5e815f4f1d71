package io.modelport.faces.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.store.Artifact;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The import command reproduces the shipped {@code model-store/face-api/1} and {@code 2}
 * byte for byte from the pinned tarball. The tarball is read from
 * {@code -Dmodelport.face-api.tarball} or {@code target/face-api/}; .ci/run fetches it
 * with {@code npm pack} and passes {@code -Dmodelport.face-api.required=true} so the
 * check cannot be skipped there.
 */
class FaceApiImportTests {

	static Path tarball() {
		Path path = Path.of(System.getProperty("modelport.face-api.tarball",
				"target/face-api/vladmandic-face-api-" + FaceApiImport.VERSION + ".tgz"));
		Assumptions.assumeTrue(Boolean.getBoolean("modelport.face-api.required") || Files.isRegularFile(path),
				"the face-api tarball is not at " + path);
		return path;
	}

	@Test
	void importReproducesTheShippedVersionOneByteForByte(@TempDir Path temp) throws Exception {
		reproduces(temp, 1, "--version", "1", "--without-detector");
	}

	@Test
	void importReproducesTheShippedVersionTwoWithTheDetectorByteForByte(@TempDir Path temp) throws Exception {
		reproduces(temp, 2);
	}

	private static void reproduces(Path temp, int version, String... options) throws Exception {
		Path tarball = tarball();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Path target = temp.resolve("face-api").resolve(String.valueOf(version));
		List<String> args = new ArrayList<>(List.of("face-api", tarball.toString(), "--out", target.toString()));
		args.addAll(List.of(options));
		int status = ImportCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Path shippedFolder = FaceApiParityTests.SHIPPED.resolveSibling(String.valueOf(version));
		ModelDescriptor shipped = DescriptorParser.parse("face-api", version, shippedFolder);
		ModelDescriptor imported = DescriptorParser.parse("face-api", version, target);
		assertThat(imported.artifacts()).hasSize((version == 1) ? 2 : 3);
		assertThat(imported.artifacts()).extracting(Artifact::sha256)
			.containsExactlyElementsOf(shipped.artifacts().stream().map(Artifact::sha256).toList());
		assertThat(Files.readString(target.resolve(DescriptorParser.FILE_NAME)))
			.isEqualTo(Files.readString(shippedFolder.resolve(DescriptorParser.FILE_NAME)));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(shipped.weights().sha256());
	}

	@Test
	void aTarballWithAnotherDigestIsRefusedBeforeItIsRead(@TempDir Path temp) throws Exception {
		Path fake = temp.resolve("fake.tgz");
		Files.writeString(fake, "not the package");
		assertThatIOException().isThrownBy(() -> NpmTarball.read(fake, FaceApiImport.INTEGRITY))
			.withMessageContaining("expected " + FaceApiImport.INTEGRITY);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ImportCommand.run(
				new String[] { "face-api", fake.toString(), "--out", temp.resolve("x").toString() },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("import failed");
		assertThat(temp.resolve("x")).doesNotExist();
	}

	@Test
	void badArgumentsPrintTheUsage() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(ImportCommand.run(new String[] { "something" }, System.out, stream)).isEqualTo(2);
		assertThat(ImportCommand.run(new String[] { "face-api", "--version" }, System.out, stream)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: import face-api");
	}

}
