package io.modelport.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.core.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatasetCatalog}: valid uploads, listing and the built-in dataset.
 *
 * @author Modelport Team
 */
class DatasetCatalogTests {

	@TempDir
	Path dir;

	private Path location;

	private Path fashion;

	private DatasetCatalog catalog;

	@BeforeEach
	void createCatalog() {
		this.location = this.dir.resolve("datasets");
		this.fashion = this.dir.resolve("fashion-mnist");
		this.catalog = new DatasetCatalog(DatasetFixtures.properties(this.location, this.fashion));
	}

	@Test
	void storesImageFolders() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("pets/", null);
		entries.put("pets/dogs/d1.png", DatasetFixtures.grayPng(4, 4, 10));
		entries.put("pets/cats/c1.png", DatasetFixtures.grayPng(3, 5, 20));
		entries.put("pets/cats/c2.png", DatasetFixtures.rgbPng(6, 2, 0xFF0000));
		entries.put("__MACOSX/pets/._c1.png", new byte[] { 1, 2 });
		entries.put("pets/cats/.DS_Store", new byte[] { 3 });
		Dataset dataset = store("pets", DatasetKind.IMAGE_FOLDERS, DatasetFixtures.zip(entries));
		assertThat(dataset.source()).isEqualTo(Dataset.UPLOAD);
		assertThat(dataset.directory()).isEqualTo(this.location.toAbsolutePath().resolve("pets"));
		assertThat(dataset.classes()).containsExactly("cats", "dogs");
		assertThat(dataset.details()).containsEntry("classCount", 2)
			.containsEntry("images", 3)
			.containsEntry("imagesPerClass", Map.of("cats", 2, "dogs", 1))
			.containsKey("bytes");
		assertThat(dataset.dataDirectory().resolve("cats/c1.png")).isRegularFile();
		assertThat(dataset.dataDirectory().resolve("cats/.DS_Store")).doesNotExist();
		assertThat(this.location.resolve("__MACOSX")).doesNotExist();
		assertThat(this.catalog.find("pets")).contains(Dataset.read(dataset.directory()));
	}

	@Test
	void storesIdxWithATestSplit() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("mnist/train-images-idx3-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxImages(3, 2, 4)));
		entries.put("mnist/train-labels-idx1-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxLabels(0, 3, 3)));
		entries.put("mnist/t10k-images-idx3-ubyte", DatasetFixtures.idxImages(2, 2, 4));
		entries.put("mnist/t10k-labels-idx1-ubyte", DatasetFixtures.idxLabels(1, 0));
		Dataset dataset = store("digits", DatasetKind.IDX, DatasetFixtures.zip(entries));
		assertThat(dataset.classes()).containsExactly("0", "1", "2", "3");
		assertThat(dataset.details()).containsEntry("classCount", 2)
			.containsEntry("trainImages", 3)
			.containsEntry("testImages", 2)
			.containsEntry("width", 4)
			.containsEntry("height", 2);
		assertThat(dataset.dataDirectory().resolve("train-images-idx3-ubyte.gz")).isRegularFile();
	}

	@Test
	void storesText() throws IOException {
		byte[] text = "\uFEFFRoses are red\n\nViolets are blue".getBytes(StandardCharsets.UTF_8);
		Dataset dataset = store("poems", DatasetKind.TEXT, text);
		assertThat(dataset.details()).containsEntry("lines", 3L).containsEntry("bytes", (long) text.length);
		assertThat(dataset.textFile()).hasFileName(Dataset.TEXT_FILE).isRegularFile();
	}

	@Test
	void storesSequencePairs() throws IOException {
		byte[] pairs = "hello\tbonjour\r\n\ncat\tchat\n".getBytes(StandardCharsets.UTF_8);
		Dataset dataset = store("en-fr", DatasetKind.SEQUENCE_PAIRS, pairs);
		assertThat(dataset.details()).containsEntry("pairs", 2L).containsEntry("lines", 3L);
		assertThat(dataset.textFile()).hasFileName(Dataset.PAIRS_FILE);
	}

	@Test
	void listsStoredDatasetsByName() throws IOException {
		store("b-text", DatasetKind.TEXT, "b".getBytes());
		store("a-text", DatasetKind.TEXT, "a".getBytes());
		assertThat(this.catalog.list()).extracting(Dataset::name).containsExactly("a-text", "b-text");
		assertThat(this.catalog.find("c-text")).isEmpty();
		assertThat(this.catalog.find("../a-text")).isEmpty();
		assertThat(this.location).isDirectoryNotContaining("glob:**/.staging-*");
	}

	@Test
	void skipsFoldersWithoutValidMetadata() throws IOException {
		store("good", DatasetKind.TEXT, "a".getBytes());
		Files.createDirectories(this.location.resolve("empty"));
		Files.createDirectories(this.location.resolve("broken"));
		Files.writeString(this.location.resolve("broken").resolve(DatasetMetadata.FILE_NAME), "{not json");
		assertThat(this.catalog.list()).extracting(Dataset::name).containsExactly("good");
		assertThat(this.catalog.find("broken")).isEmpty();
	}

	@Test
	void rejectsADuplicateName() throws IOException {
		store("notes", DatasetKind.TEXT, "a".getBytes());
		assertThatExceptionOfType(DatasetExistsException.class)
			.isThrownBy(() -> store("notes", DatasetKind.TEXT, "b".getBytes()))
			.withMessageContaining("'notes' already exists");
		assertThat(Files.readString(this.catalog.find("notes").get().textFile())).isEqualTo("a");
	}

	@Test
	void rejectsInvalidAndReservedNames() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> store("Bad Name", DatasetKind.TEXT, "a".getBytes()))
			.withMessageContaining("invalid dataset name 'Bad Name'");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> store("..", DatasetKind.TEXT, "a".getBytes()));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> store("fashion-mnist", DatasetKind.TEXT, "a".getBytes()))
			.withMessageContaining("reserved");
		assertThat(this.location).doesNotExist();
	}

	@Test
	void listsFashionMnistOnlyWhenItsFilesExist() throws IOException {
		Files.createDirectories(this.fashion);
		Files.write(this.fashion.resolve("train-images-idx3-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxImages(3, 28, 28)));
		Files.write(this.fashion.resolve("train-labels-idx1-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxLabels(1, 2, 9)));
		Files.write(this.fashion.resolve("t10k-images-idx3-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxImages(2, 28, 28)));
		assertThat(this.catalog.list()).isEmpty();
		assertThat(this.catalog.find("fashion-mnist")).isEmpty();
		Files.write(this.fashion.resolve("t10k-labels-idx1-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxLabels(0, 4)));
		store("notes", DatasetKind.TEXT, "a".getBytes());
		List<Dataset> datasets = this.catalog.list();
		assertThat(datasets).extracting(Dataset::name).containsExactly("fashion-mnist", "notes");
		Dataset builtIn = datasets.get(0);
		assertThat(builtIn.kind()).isEqualTo(DatasetKind.IDX);
		assertThat(builtIn.isBuiltIn()).isTrue();
		assertThat(builtIn.dataDirectory()).isEqualTo(this.fashion.toAbsolutePath());
		assertThat(builtIn.classes()).isEqualTo(FashionMnist.LABELS);
		assertThat(builtIn.details()).containsEntry("trainImages", 3)
			.containsEntry("testImages", 2)
			.containsEntry("width", 28)
			.containsEntry("height", 28);
		assertThat(this.catalog.find("fashion-mnist")).contains(builtIn);
		assertThat(Dataset.read(this.fashion).name()).isEqualTo("fashion-mnist");
	}

	@Test
	void readFailsForAFolderWithoutADataset() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Dataset.read(this.dir))
			.withMessageContaining("dataset.json is missing");
	}

	private Dataset store(String name, DatasetKind kind, byte[] content) throws IOException {
		return this.catalog.store(name, kind, new ByteArrayInputStream(content), content.length);
	}

}
