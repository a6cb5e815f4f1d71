package io.modelport.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.modelport.datasets.FashionMnist;

/**
 * {@code java -jar modelport.jar samples [--into DIR] [--fashion-mnist DIR]}: writes
 * every input the README and docs examples need into a folder ({@code samples/},
 * git-ignored): an image-folder data set, a YOLO detection data set, a word2vec binary
 * vector file, face photos and a data set of faces to train a verifier on. Clothes and
 * boxes come from Fashion-MNIST test images when Debian's {@code dataset-fashion-mnist}
 * is installed, drawn shapes otherwise; vectors and faces are always generated (no real
 * faces are shipped or read). Every file is the same on every run (fixed seeds).
 *
 * @author Modelport Team
 */
public final class SamplesCommand {

	/** The first argument that selects this command. */
	public static final String MODE = "samples";

	private SamplesCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code samples}
	 * @param out where the written files are listed
	 * @param err where usage errors go
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path into = Path.of("samples");
		Path fashion = FashionMnist.DEBIAN_LOCATION;
		for (int i = 0; i < args.length; i++) {
			if ((args[i].equals("--into") || args[i].equals("--fashion-mnist")) && i + 1 < args.length) {
				if (args[i].equals("--into")) {
					into = Path.of(args[++i]);
				}
				else {
					fashion = Path.of(args[++i]);
				}
			}
			else {
				err.println("usage: samples [--into DIR] [--fashion-mnist DIR]");
				return 2;
			}
		}
		try {
			for (Path written : write(into, fashion)) {
				out.println("wrote " + written);
			}
			return 0;
		}
		catch (IOException ex) {
			err.println("samples: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Writes every sample.
	 * @param into the folder to write into (created when missing)
	 * @param fashionMnist the Fashion-MNIST IDX folder, used when it holds the test split
	 * @return the files and folders written
	 * @throws IOException when a file cannot be written
	 */
	public static List<Path> write(Path into, Path fashionMnist) throws IOException {
		Files.createDirectories(into);
		SampleItems items = SampleItems.load(fashionMnist);
		List<Path> written = new ArrayList<>();
		written.add(SampleDatasets.clothes(items, into.resolve("clothes.zip")));
		written.add(SampleDatasets.boxes(items, into.resolve("boxes.zip")));
		written.add(SampleVectors.write(into.resolve("vectors.bin")));
		written.add(SampleFaces.write(into.resolve("faces")));
		written.add(SampleFaces.zip(into.resolve("faces.zip")));
		return written;
	}

}
