package io.modelport.classification.training;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the training command end to end on small synthetic IDX files.
 *
 * @author Modelport Team
 */
class TrainClassifierCommandTests {

	@TempDir
	Path dir;

	@Test
	void trainsPublishesAndExportsSamples() throws IOException {
		writeIdx("train", ClassifierTrainerTests.shapes(600, new Random(3)));
		writeIdx("t10k", ClassifierTrainerTests.shapes(90, new Random(4)));
		Path store = this.dir.resolve("store");
		TrainClassifierCommand.main(new String[] { "--data", this.dir.toString(), "--store", store.toString(),
				"--model", "synthetic", "--filters", "4", "--dense", "8", "--epochs", "2", "--dev-size", "100", "--lr",
				"0.01", "--samples", this.dir.resolve("samples").toString() });

		ModelDescriptor descriptor = DescriptorParser.parse("synthetic", 1, store.resolve("synthetic/1"));
		assertThat(descriptor.labels()).isEqualTo(FashionMnist.LABELS);
		assertThat(descriptor.provenance()).containsKeys("trainedBy", "trainedAt", "settings", "history", "quality");
		Map<?, ?> quality = (Map<?, ?>) descriptor.provenance().get("quality");
		assertThat(((Number) quality.get("testAccuracy")).doubleValue()).isGreaterThan(0.5);
		assertThat(this.dir.resolve("samples")).isDirectoryContaining("glob:**/t-shirt-top.png")
			.isDirectoryContaining("glob:**/trouser.png")
			.isDirectoryContaining("glob:**/pullover.png");
	}

	private void writeIdx(String prefix, ImageSet set) throws IOException {
		try (DataOutputStream out = new DataOutputStream(
				new GZIPOutputStream(Files.newOutputStream(this.dir.resolve(prefix + "-images-idx3-ubyte.gz"))))) {
			out.writeInt(0x803);
			out.writeInt(set.count());
			out.writeInt(set.rows());
			out.writeInt(set.cols());
			out.write(set.pixels());
		}
		try (DataOutputStream out = new DataOutputStream(
				new GZIPOutputStream(Files.newOutputStream(this.dir.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
			out.writeInt(0x801);
			out.writeInt(set.count());
			for (int label : set.labels()) {
				out.write(label);
			}
		}
	}

}
