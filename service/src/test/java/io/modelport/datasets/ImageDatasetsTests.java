package io.modelport.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ImageDatasets}.
 *
 * @author Modelport Team
 */
class ImageDatasetsTests {

	@TempDir
	Path dir;

	private DatasetCatalog catalog;

	@BeforeEach
	void createCatalog() {
		this.catalog = new DatasetCatalog(
				DatasetFixtures.properties(this.dir.resolve("datasets"), this.dir.resolve("fashion")));
	}

	@Test
	void loadsImageFoldersAsGrayImagesOfTheRequestedSize() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("dogs/d1.png", DatasetFixtures.grayPng(3, 5, 10));
		entries.put("cats/c2.png", DatasetFixtures.rgbPng(6, 2, 0xFF0000));
		entries.put("cats/c1.png", DatasetFixtures.grayPng(4, 4, 200));
		Dataset stored = store("pets", DatasetKind.IMAGE_FOLDERS, DatasetFixtures.zip(entries));
		LabelledImages images = ImageDatasets.load(Dataset.read(stored.directory()), 2, 3);
		assertThat(images.labels()).containsExactly("cats", "dogs");
		assertThat(images.hasTest()).isFalse();
		ImageSet train = images.train();
		assertThat(train.count()).isEqualTo(3);
		assertThat(train.cols()).isEqualTo(2);
		assertThat(train.rows()).isEqualTo(3);
		assertThat(train.labels()).containsExactly(0, 0, 1);
		assertThat(values(train, 0)).containsOnly(200);
		assertThat(values(train, 1)).containsOnly(76);
		assertThat(values(train, 2)).containsOnly(10);
	}

	@Test
	void loadsIdxWithATestSplitAtItsOwnSize() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("train-images-idx3-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxImages(3, 2, 4)));
		entries.put("train-labels-idx1-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxLabels(0, 3, 1)));
		entries.put("t10k-images-idx3-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxImages(2, 2, 4)));
		entries.put("t10k-labels-idx1-ubyte.gz", DatasetFixtures.gzip(DatasetFixtures.idxLabels(4, 0)));
		Dataset dataset = store("digits", DatasetKind.IDX, DatasetFixtures.zip(entries));
		LabelledImages images = ImageDatasets.load(dataset, 4, 2);
		assertThat(images.labels()).containsExactly("0", "1", "2", "3", "4");
		assertThat(images.train().count()).isEqualTo(3);
		assertThat(images.train().labels()).containsExactly(0, 3, 1);
		assertThat(images.train().pixel(1, 1, 2)).isEqualTo(16 + 6);
		assertThat(images.test().count()).isEqualTo(2);
		assertThat(images.test().labels()).containsExactly(4, 0);
	}

	@Test
	void resizesIdxWithoutATestSplit() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("train-images-idx3-ubyte", DatasetFixtures.idxImages(2, 2, 4));
		entries.put("train-labels-idx1-ubyte", DatasetFixtures.idxLabels(1, 0));
		Dataset dataset = store("small", DatasetKind.IDX, DatasetFixtures.zip(entries));
		LabelledImages images = ImageDatasets.load(dataset, 1, 1);
		assertThat(images.test()).isNull();
		assertThat(images.labels()).containsExactly("0", "1");
		assertThat(images.train().rows()).isEqualTo(1);
		assertThat(images.train().cols()).isEqualTo(1);
		// The mean of 16..23 is 19.5.
		assertThat(images.train().pixel(1, 0, 0)).isBetween(19, 20);
		assertThat(images.train().labels()).containsExactly(1, 0);
	}

	@Test
	void loadsTheBuiltInSetWithItsLabels() throws IOException {
		Path fashion = Files.createDirectories(this.dir.resolve("fashion"));
		Files.write(fashion.resolve("train-images-idx3-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxImages(2, 28, 28)));
		Files.write(fashion.resolve("train-labels-idx1-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxLabels(9, 0)));
		Files.write(fashion.resolve("t10k-images-idx3-ubyte.gz"),
				DatasetFixtures.gzip(DatasetFixtures.idxImages(1, 28, 28)));
		Files.write(fashion.resolve("t10k-labels-idx1-ubyte.gz"), DatasetFixtures.gzip(DatasetFixtures.idxLabels(3)));
		LabelledImages images = ImageDatasets.load(this.catalog.find("fashion-mnist").get(), 14, 14);
		assertThat(images.labels()).isEqualTo(FashionMnist.LABELS);
		assertThat(images.train().rows()).isEqualTo(14);
		assertThat(images.test().count()).isOne();
	}

	@Test
	void refusesTextDatasetsAndBadSizes() throws IOException {
		Dataset text = store("notes", DatasetKind.TEXT, "hello".getBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> ImageDatasets.load(text, 28, 28))
			.withMessageContaining("not an image dataset");
		Map<String, byte[]> entries = Map.of("a/1.png", DatasetFixtures.grayPng(1, 1, 0), "b/1.png",
				DatasetFixtures.grayPng(1, 1, 0));
		Dataset images = store("images", DatasetKind.IMAGE_FOLDERS, DatasetFixtures.zip(entries));
		assertThatIllegalArgumentException().isThrownBy(() -> ImageDatasets.load(images, 0, 28));
	}

	private Dataset store(String name, DatasetKind kind, byte[] content) throws IOException {
		return this.catalog.store(name, kind, new ByteArrayInputStream(content), content.length);
	}

	private static int[] values(ImageSet set, int image) {
		int[] values = new int[set.rows() * set.cols()];
		for (int i = 0; i < values.length; i++) {
			values[i] = set.pixel(image, i / set.cols(), i % set.cols());
		}
		return values;
	}

}
