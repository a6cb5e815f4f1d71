package io.modelport.faces.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.modelport.store.ModelDescriptor;

/**
 * {@code java -jar modelport.jar import face-api [TARBALL] [--out DIR] [--name NAME]
 * [--version N] [--threshold TAU] [--without-detector]}: imports the pinned face-api npm
 * package into a model version. Without a tarball it runs {@code npm pack} itself. The
 * defaults write the shipped {@code model-store/face-api/2} (with the face detector)
 * again, byte for byte;
 * {@code --out model-store/face-api/1 --version 1 --without-detector} writes the shipped
 * version 1.
 *
 * @author Modelport Team
 */
public final class ImportCommand {

	/** The first argument that selects this command instead of the service. */
	public static final String MODE = "import";

	/** τ calibrated on ORL by {@code FaceApiEvaluation} (docs/faces.md). */
	public static final double CALIBRATED_THRESHOLD = 0.1438;

	private static final String USAGE = "usage: import face-api [TARBALL.tgz] [--out model-store/face-api/2] "
			+ "[--name face-api] [--version 2] [--threshold " + CALIBRATED_THRESHOLD + "] [--without-detector]\n"
			+ "       import evaluate DATASET [--model model-store/face-api/1]";

	private ImportCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code import}
	 * @param out where progress goes
	 * @param err where errors go
	 * @return the exit status: 0 done, 2 bad arguments, 1 the import failed
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length >= 2 && args[0].equals("evaluate")) {
			Path model = (args.length >= 4 && args[2].equals("--model")) ? Path.of(args[3])
					: Path.of("model-store", "face-api", "1");
			try {
				return EvaluateCommand.run(Path.of(args[1]), model, out);
			}
			catch (IOException | RuntimeException ex) {
				err.println("evaluation failed: " + ex.getMessage());
				return 1;
			}
		}
		if (args.length == 0 || !args[0].equals("face-api")) {
			err.println(USAGE);
			return 2;
		}
		Path tarball = null;
		Path directory = Path.of("model-store", "face-api", "2");
		String name = "face-api";
		int version = 2;
		boolean detector = true;
		double threshold = CALIBRATED_THRESHOLD;
		try {
			for (int i = 1; i < args.length; i++) {
				if (args[i].equals("--without-detector")) {
					detector = false;
					continue;
				}
				if (!args[i].startsWith("--")) {
					tarball = Path.of(args[i]);
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(args[i] + " needs a value");
				}
				String value = args[++i];
				switch (args[i - 1]) {
					case "--out" -> directory = Path.of(value);
					case "--name" -> name = value;
					case "--version" -> version = Integer.parseInt(value);
					case "--threshold" -> threshold = Double.parseDouble(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			Path source = (tarball != null) ? tarball : npmPack(out);
			ModelDescriptor descriptor = FaceApiImport.importTo(source, directory, name, version, threshold, detector);
			out.println("imported " + FaceApiImport.PACKAGE + "@" + FaceApiImport.VERSION + " into " + directory);
			descriptor.artifacts().forEach((a) -> out.println("  " + a.file() + "  sha256 " + a.sha256()));
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("import failed: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Fetches the pinned tarball with {@code npm pack} into a temporary folder.
	 * @param out where npm's progress goes
	 * @return the tarball
	 * @throws IOException when npm fails or is missing
	 */
	static Path npmPack(PrintStream out) throws IOException {
		Path folder = Files.createTempDirectory("face-api-");
		String spec = FaceApiImport.PACKAGE + "@" + FaceApiImport.VERSION;
		out.println("npm pack " + spec);
		Process process = new ProcessBuilder(List.of("npm", "pack", spec, "--pack-destination", folder.toString()))
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("npm.log").toFile())
			.start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException("npm pack failed: " + Files.readString(folder.resolve("npm.log")).strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while running npm pack", ex);
		}
		return folder.resolve("vladmandic-face-api-" + FaceApiImport.VERSION + ".tgz");
	}

}
