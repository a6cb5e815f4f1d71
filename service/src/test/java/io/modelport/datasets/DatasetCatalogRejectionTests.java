package io.modelport.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.modelport.core.InvalidRequestException;
import io.modelport.web.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatasetCatalog}: unsafe, oversized and invalid uploads are refused and
 * leave nothing behind.
 *
 * @author Modelport Team
 */
class DatasetCatalogRejectionTests {

	private static final byte[] PNG = DatasetFixtures.grayPng(2, 2, 0);

	@TempDir
	Path dir;

	@AfterEach
	void leavesNothingBehind() throws IOException {
		Path location = this.dir.resolve("datasets");
		if (Files.exists(location)) {
			try (Stream<Path> children = Files.list(location)) {
				assertThat(children).isEmpty();
			}
		}
	}

	@Test
	void rejectsZipSlip() {
		assertInvalid(zip("cats/a.png", PNG, "../evil.png", PNG), "'../evil.png' points outside the archive");
		assertInvalid(zip("cats/a.png", PNG, "cats/../../evil.png", PNG), "zip slip");
		assertThat(this.dir.resolve("evil.png")).doesNotExist();
	}

	@Test
	void rejectsAbsoluteAndBackslashNames() {
		assertInvalid(zip("/etc/evil.png", PNG), "'/etc/evil.png' has an absolute path");
		assertInvalid(zip("C:/evil.png", PNG), "has an absolute path");
		assertInvalid(zip("cats\\..\\evil.png", PNG), "contains a backslash");
	}

	@Test
	void rejectsNamesTheFileSystemCannotHoldAndNul() {
		assertInvalid(zip("cats/" + "x".repeat(256) + ".png", PNG), "longer than 255 bytes");
		assertInvalid(zip("a/".repeat(600) + "b.png", PNG), "has a name longer than 1024 bytes");
		assertInvalid(zip("cats/a\u0000.png", PNG), "is not a valid file name");
	}

	@Test
	void rejectsTooManyEntries() {
		DatasetCatalog catalog = catalog(3, DataSize.ofGigabytes(2));
		byte[] zip = zip("a/1.png", PNG, "a/2.png", PNG, "b/1.png", PNG, "b/2.png", PNG);
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> store(catalog, DatasetKind.IMAGE_FOLDERS, zip))
			.withMessageContaining("more than 3 entries");
	}

	@Test
	void rejectsAZipBomb() {
		byte[] zip = zip("a/zeros.png", new byte[5 * 1024 * 1024], "b/1.png", PNG);
		assertThat(zip.length).isLessThan(100 * 1024);
		assertInvalid(zip, "'a/zeros.png' expands more than 100 times: it looks like a zip bomb");
	}

	@Test
	void rejectsMoreUncompressedBytesThanTheLimit() {
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		DatasetCatalog catalog = catalog(100, DataSize.ofBytes(6000));
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> store(catalog, DatasetKind.IMAGE_FOLDERS, zip("a/1.png", noise, "b/1.png", noise)))
			.withMessageContaining("expands to more than the limit of 6000 bytes");
	}

	@Test
	void rejectsAnUploadOverTheSizeLimit() {
		DatasetCatalog catalog = new DatasetCatalog(
				new DatasetProperties(this.dir.resolve("datasets"), this.dir.resolve("none"), DataSize.ofBytes(10), 100,
						DataSize.ofGigabytes(1), 100, 1000, this.dir.resolve("no-bible")));
		byte[] text = "more than ten bytes".getBytes();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> catalog.store("t", DatasetKind.TEXT, new ByteArrayInputStream(text), -1))
			.withMessageContaining("larger than the limit of 10 bytes");
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> catalog.store("t", DatasetKind.TEXT, new ByteArrayInputStream(text), text.length))
			.withMessageContaining("the upload has 19 bytes");
	}

	@Test
	void rejectsCorruptArchives() {
		assertInvalid("not a zip at all".getBytes(), "not a zip archive");
		byte[] zip = zip("a/1.png", PNG, "b/1.png", PNG);
		byte[] truncated = Arrays.copyOf(zip, zip.length / 2);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> store(catalog(), DatasetKind.IMAGE_FOLDERS, truncated));
	}

	@Test
	void rejectsAnUndecodableImage() {
		assertInvalid(zip("cats/a.png", PNG, "cats/broken.png", new byte[] { 1, 2, 3 }, "dogs/b.png", PNG),
				"cats/broken.png cannot be decoded: ");
	}

	@Test
	void rejectsAnImageWhoseHeaderClaimsTooManyPixels() {
		byte[] bomb = "P5\n100000 100000\n255\n".getBytes(StandardCharsets.US_ASCII);
		assertInvalid(zip("cats/a.png", PNG, "cats/bomb.pgm", bomb, "dogs/b.png", PNG),
				"more than the limit of 40000000");
	}

	@Test
	void rejectsBadLayouts() {
		assertInvalid(zip("cats/a.png", PNG, "cats/b.png", PNG), "at least 2 class folders with images, found 1");
		assertInvalid(zip("all/cats/a.png", PNG), "at least 2 class folders with images, found 1");
		assertInvalid(zip("cats/a.png", PNG, "dogs/", null), "class folder 'dogs' has no images");
		assertInvalid(zip("cats/a.png", PNG, "dogs/b.png", PNG, "readme.txt", PNG), "'readme.txt' is not inside");
		assertInvalid(zip("cats/a.png", PNG, "dogs/big/b.png", PNG), "'dogs/big' is a nested folder");
		assertInvalid(zip("cats/a.png", PNG, "cats/./a.png", PNG, "dogs/b.png", PNG), "duplicate");
	}

	@Test
	void rejectsBadIdxFiles() {
		byte[] images = DatasetFixtures.idxImages(3, 2, 2);
		byte[] labels = DatasetFixtures.idxLabels(0, 1, 1);
		assertInvalid(DatasetKind.IDX, zip("t10k-images-idx3-ubyte", images), "train-images-idx3-ubyte[.gz] and");
		assertInvalid(DatasetKind.IDX, zip("train-images-idx3-ubyte", images),
				"train-labels-idx1-ubyte[.gz] is missing");
		assertInvalid(DatasetKind.IDX,
				zip("train-images-idx3-ubyte", images, "train-labels-idx1-ubyte", DatasetFixtures.idxLabels(0, 1)),
				"has 3 images but train-labels-idx1-ubyte has 2 labels");
		assertInvalid(DatasetKind.IDX, zip("train-images-idx3-ubyte", labels, "train-labels-idx1-ubyte", labels),
				"not an IDX image file");
		byte[] truncated = Arrays.copyOf(images, images.length - 1);
		assertInvalid(DatasetKind.IDX, zip("train-images-idx3-ubyte", truncated, "train-labels-idx1-ubyte", labels),
				"is truncated");
		assertInvalid(DatasetKind.IDX, zip("train-images-idx3-ubyte.gz", images, "train-labels-idx1-ubyte", labels),
				"not valid gzip");
	}

	@Test
	void rejectsInvalidText() {
		byte[] invalid = { 'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xC3, '\n' };
		assertInvalid(DatasetKind.TEXT, invalid, "line 2 is not valid UTF-8");
		assertInvalid(DatasetKind.TEXT, " \n\t\n".getBytes(), "the text is empty");
		byte[] invalidPairs = { 'a', '\t', 'b', '\n', (byte) 0xC3, '(' };
		assertInvalid(DatasetKind.SEQUENCE_PAIRS, invalidPairs, "line 2 is not valid UTF-8");
	}

	@Test
	void rejectsBadPairs() {
		assertInvalid(DatasetKind.SEQUENCE_PAIRS, "a\tb\n\nno tab here\n".getBytes(StandardCharsets.UTF_8),
				"line 3 must have exactly two fields separated by a tab");
		assertInvalid(DatasetKind.SEQUENCE_PAIRS, "a\tb\tc".getBytes(), "line 1 must have exactly two fields");
		assertInvalid(DatasetKind.SEQUENCE_PAIRS, "a\tb\n \tb\n".getBytes(), "line 2 has an empty source or target");
		assertInvalid(DatasetKind.SEQUENCE_PAIRS, "\n\n".getBytes(), "no source<TAB>target lines");
	}

	private void assertInvalid(byte[] zip, String message) {
		assertInvalid(DatasetKind.IMAGE_FOLDERS, zip, message);
	}

	private void assertInvalid(DatasetKind kind, byte[] content, String message) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> store(catalog(), kind, content))
			.withMessageContaining(message);
	}

	private DatasetCatalog catalog() {
		return new DatasetCatalog(DatasetFixtures.properties(this.dir.resolve("datasets"), this.dir.resolve("none")));
	}

	private DatasetCatalog catalog(int maxEntries, DataSize maxUncompressed) {
		return new DatasetCatalog(DatasetFixtures.properties(this.dir.resolve("datasets"), this.dir.resolve("none"),
				maxEntries, maxUncompressed));
	}

	private static Dataset store(DatasetCatalog catalog, DatasetKind kind, byte[] content) throws IOException {
		return catalog.store("set", kind, new ByteArrayInputStream(content), content.length);
	}

	private static byte[] zip(Object... namesAndContents) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < namesAndContents.length; i += 2) {
			entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
		}
		return DatasetFixtures.zip(entries);
	}

}
