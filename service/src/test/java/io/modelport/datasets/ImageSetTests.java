package io.modelport.datasets;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ImageSet}.
 *
 * @author Modelport Team
 */
class ImageSetTests {

	@TempDir
	Path dir;

	@Test
	void readsGzippedIdxFiles() throws IOException {
		ImageSet set = write(new byte[] { 0, 1, 2, 3, 4, 5, 10, 11, 12, (byte) 200, (byte) 255, 0 }, 2, 2, 3,
				new byte[] { 7, 9 });
		assertThat(set.count()).isEqualTo(2);
		assertThat(set.rows()).isEqualTo(2);
		assertThat(set.cols()).isEqualTo(3);
		assertThat(set.pixel(1, 1, 0)).isEqualTo(200);
		assertThat(set.pixel(1, 1, 1)).isEqualTo(255);
		assertThat(set.labels()).containsExactly(7, 9);
		assertThat(set.select(new int[] { 1 }).labels()).containsExactly(9);
	}

	@Test
	void computesNormalisationStatistics() throws IOException {
		ImageSet set = write(new byte[] { 0, (byte) 255 }, 2, 1, 1, new byte[] { 0, 1 });
		float[] stats = set.meanAndStd();
		assertThat(stats[0]).isCloseTo(0.5f, within(1e-6f));
		assertThat(stats[1]).isCloseTo(0.5f, within(1e-6f));
	}

	@Test
	void honoursALimit() throws IOException {
		write(new byte[] { 1, 2, 3 }, 3, 1, 1, new byte[] { 0, 1, 2 });
		ImageSet set = ImageSet.readIdx(this.dir.resolve("images.gz"), this.dir.resolve("labels.gz"), 2);
		assertThat(set.labels()).containsExactly(0, 1);
	}

	@Test
	void refusesFilesThatAreNotIdx() throws IOException {
		Files.write(this.dir.resolve("images"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		Files.write(this.dir.resolve("labels"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		assertThatIOException()
			.isThrownBy(() -> ImageSet.readIdx(this.dir.resolve("images"), this.dir.resolve("labels"), 0))
			.withMessageContaining("not an IDX image file");
	}

	private ImageSet write(byte[] pixels, int count, int rows, int cols, byte[] labels) throws IOException {
		try (DataOutputStream out = gzip("images.gz")) {
			out.writeInt(0x803);
			out.writeInt(count);
			out.writeInt(rows);
			out.writeInt(cols);
			out.write(pixels);
		}
		try (DataOutputStream out = gzip("labels.gz")) {
			out.writeInt(0x801);
			out.writeInt(count);
			out.write(labels);
		}
		return ImageSet.readIdx(this.dir.resolve("images.gz"), this.dir.resolve("labels.gz"), 0);
	}

	private DataOutputStream gzip(String name) throws IOException {
		OutputStream raw = Files.newOutputStream(this.dir.resolve(name));
		return new DataOutputStream(new GZIPOutputStream(raw));
	}

}
