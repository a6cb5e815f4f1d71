package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Model files must resolve inside the store or an allowed location: links planted in the
 * store that lead elsewhere fail their version before anything is read.
 *
 * @author Modelport Team
 */
class StoreLocationsTests {

	@TempDir
	Path root;

	private Path store;

	private Path elsewhere;

	@BeforeEach
	void layout() throws IOException {
		this.store = Files.createDirectories(this.root.resolve("store"));
		this.elsewhere = Files.createDirectories(this.root.resolve("elsewhere"));
		Fixtures.copyTinyModel(this.elsewhere, "m", 1);
	}

	@Test
	void aPlainVersionFolderLoads() {
		Fixtures.copyTinyModel(this.store, "m", 1);
		assertThat(new ModelStore(this.store).find("m").orElseThrow().descriptor(1).version()).isEqualTo(1);
	}

	@Test
	void aVersionFolderLinkedOutsideIsRefused() throws IOException {
		Files.createDirectories(this.store.resolve("m"));
		Files.createSymbolicLink(this.store.resolve("m/1"), this.elsewhere.resolve("m/1"));
		StoredModel model = new ModelStore(this.store).find("m").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> model.descriptor(1))
			.withMessage("m/1 is a link that leads outside the model store and modelport.store.allowed-locations");
	}

	@Test
	void aModelFolderLinkedOutsideIsRefused() throws IOException {
		Files.createSymbolicLink(this.store.resolve("m"), this.elsewhere.resolve("m"));
		StoredModel model = new ModelStore(this.store).find("m").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> model.descriptor(1))
			.withMessageContaining("leads outside the model store");
	}

	@Test
	void anArtifactLinkedOutsideIsRefusedWithoutNamingItsTarget() throws IOException {
		Path version = Fixtures.copyTinyModel(this.store, "m", 1);
		Path weights = Fixtures.paramsFile(version);
		Files.delete(weights);
		Files.createSymbolicLink(weights, Fixtures.paramsFile(this.elsewhere.resolve("m/1")));
		StoredModel model = new ModelStore(this.store).find("m").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> model.descriptor(1))
			.withMessageStartingWith("m/1/" + weights.getFileName())
			.withMessageNotContaining("elsewhere");
	}

	@Test
	void linksIntoAnAllowedLocationLoad() throws IOException {
		Files.createDirectories(this.store.resolve("m"));
		Files.createSymbolicLink(this.store.resolve("m/1"), this.elsewhere.resolve("m/1"));
		StoredModel model = new ModelStore(this.store, List.of(this.elsewhere)).find("m").orElseThrow();
		assertThat(model.descriptor(1).artifacts()).hasSize(1);
	}

	@Test
	void linksWithinTheStoreLoad() throws IOException {
		Path shared = Fixtures.copyTinyModel(this.store, "shared", 1);
		Files.createDirectories(this.store.resolve("m"));
		Files.createSymbolicLink(this.store.resolve("m/1"), shared);
		assertThat(new ModelStore(this.store).find("m").orElseThrow().descriptor(1).version()).isEqualTo(1);
	}

	@Test
	void aBrokenLinkIsRefused() throws IOException {
		Path version = Fixtures.copyTinyModel(this.store, "m", 1);
		Files.createSymbolicLink(version.resolve("labels.txt"), this.root.resolve("gone.txt"));
		StoredModel model = new ModelStore(this.store).find("m").orElseThrow();
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> model.descriptor(1))
			.withMessage("m/1/labels.txt cannot be resolved (a broken link?)");
	}

}
