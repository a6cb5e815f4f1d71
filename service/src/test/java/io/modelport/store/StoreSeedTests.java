package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writable store gets what the shipped one has and it lacks, and keeps what it wrote.
 *
 * @author Modelport Team
 */
class StoreSeedTests {

	@TempDir
	Path temp;

	@Test
	void copiesMissingVersionsAndKeepsWhatIsThere() throws IOException {
		Path shipped = this.temp.resolve("shipped");
		Files.createDirectories(shipped.resolve("m/1"));
		Files.createDirectories(shipped.resolve("m/2"));
		Files.createDirectories(shipped.resolve("m/.staging-3"));
		Files.writeString(shipped.resolve("m/model.yaml"), "defaultVersion: 2\n");
		Files.writeString(shipped.resolve("m/1/weights"), "one");
		Files.writeString(shipped.resolve("m/2/weights"), "two");
		Path data = this.temp.resolve("data/store");
		Files.createDirectories(data.resolve("m/2"));
		Files.writeString(data.resolve("m/2/weights"), "trained");
		Files.writeString(data.resolve("m/model.yaml"), "defaultVersion: 3\n");

		assertThat(StoreSeed.copyMissing(shipped, data)).containsExactly(Path.of("m/1"));
		assertThat(Files.readString(data.resolve("m/1/weights"))).isEqualTo("one");
		assertThat(Files.readString(data.resolve("m/2/weights"))).isEqualTo("trained");
		assertThat(Files.readString(data.resolve("m/model.yaml"))).contains("3");
		assertThat(data.resolve("m/.staging-3")).doesNotExist();
		assertThat(StoreSeed.copyMissing(shipped, data)).isEmpty();
	}

	@Test
	void noSeedOrTheSameFolderCopiesNothing() {
		assertThat(StoreSeed.copyMissing(null, this.temp)).isEmpty();
		assertThat(StoreSeed.copyMissing(this.temp.resolve("missing"), this.temp)).isEmpty();
		assertThat(StoreSeed.copyMissing(this.temp, this.temp)).isEmpty();
	}

}
