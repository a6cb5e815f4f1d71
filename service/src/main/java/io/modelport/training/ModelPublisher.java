package io.modelport.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.DescriptorWriter;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelNames;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

/**
 * Publishes a trained model as the next version in the store. The version folder is
 * assembled under a hidden staging name, flushed to disk, and renamed into place in one
 * step, so a reader never sees a half-written version: a failure (a full disk, a crash)
 * leaves the version absent, and the staging folder is removed or, after a crash, never
 * scanned ({@link ModelStore} skips hidden folders).
 *
 * @author Modelport Team
 */
public final class ModelPublisher {

	/** The evaluation report every trainer writes beside its weights. */
	public static final String EVALUATION_FILE = "evaluation.json";

	private ModelPublisher() {
	}

	/**
	 * The version a new publication of a model would get.
	 * @param store the store folder
	 * @param name the model name
	 * @return the highest existing version plus one, or 1
	 */
	public static int nextVersion(Path store, String name) {
		return new ModelStore(store).find(name)
			.map(StoredModel::versions)
			.filter((versions) -> !versions.isEmpty())
			.map((versions) -> versions.lastKey() + 1)
			.orElse(1);
	}

	/**
	 * Copies the parameter file into a new version folder and writes its descriptor with
	 * the checksum filled in.
	 * @param store the store folder
	 * @param template the descriptor to publish; its directory and artifacts are replaced
	 * @param parameters the trained parameter file
	 * @param version the version to publish as
	 * @param extraFiles more files for the version folder (name to content), for example
	 * the evaluation report
	 * @return the published descriptor
	 * @throws IOException when the files cannot be written or the version exists
	 */
	public static ModelDescriptor publish(Path store, ModelDescriptor template, Path parameters, int version,
			Map<String, byte[]> extraFiles) throws IOException {
		String name = ModelNames.requireValid(template.name());
		Path modelDir = store.resolve(name);
		boolean newModel = !Files.isDirectory(modelDir);
		Files.createDirectories(modelDir);
		Path staging = modelDir.resolve(".staging-" + UUID.randomUUID());
		boolean published = false;
		try {
			Files.createDirectories(staging);
			String file = weightsFileName(name, template, parameters);
			Files.copy(parameters, staging.resolve(file));
			for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
				Files.write(staging.resolve(new Artifact(extra.getKey(), null).file()), extra.getValue());
			}
			ModelDescriptor staged = new ModelDescriptor(name, version, template.task(), template.format(),
					template.architecture(), artifacts(template, staging, file), template.input(), template.labels(),
					template.parameters(), template.provenance(), staging);
			DescriptorWriter.write(staged);
			flush(staging);
			Path target = modelDir.resolve(Integer.toString(version));
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			force(modelDir);
			published = true;
			return new ModelDescriptor(name, staged.version(), staged.task(), staged.format(), staged.architecture(),
					staged.artifacts(), staged.input(), staged.labels(), staged.parameters(), staged.provenance(),
					target);
		}
		finally {
			deleteRecursively(staging);
			if (newModel && !published) {
				// A model folder without versions would show as a model with none; one
				// that another publication is filling stays.
				try {
					Files.deleteIfExists(modelDir);
				}
				catch (DirectoryNotEmptyException ex) {
					// kept
				}
			}
		}
	}

	// The weights come first; a template's further artifacts (a fine-tuned face
	// verifier's landmark network) are listed, with their checksums, when the extra
	// files wrote them.
	private static List<Artifact> artifacts(ModelDescriptor template, Path staging, String weights) throws IOException {
		List<Artifact> artifacts = new ArrayList<>();
		artifacts.add(new Artifact(weights, Checksums.sha256(staging.resolve(weights))));
		for (Artifact artifact : template.artifacts().subList(1, template.artifacts().size())) {
			if (Files.isRegularFile(staging.resolve(artifact.file()))) {
				artifacts.add(new Artifact(artifact.file(), Checksums.sha256(staging.resolve(artifact.file()))));
			}
		}
		return artifacts;
	}

	// The rename must not reach the disk before the files it publishes do.
	private static void flush(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				force(file);
			}
		}
		force(folder);
	}

	private static void force(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory as a channel; the files were
			// forced.
			if (!Files.isDirectory(path)) {
				throw ex;
			}
		}
	}

	/**
	 * Publishes a version folder prepared elsewhere (by a training worker) as the next
	 * version of its model: its artifacts and other files are copied, its descriptor is
	 * rewritten with the new version number.
	 * @param source the prepared version's descriptor (its directory holds the files)
	 * @param store the store folder
	 * @return the published descriptor
	 * @throws IOException when the files cannot be copied
	 */
	public static synchronized ModelDescriptor publishNextVersion(ModelDescriptor source, Path store)
			throws IOException {
		int version = nextVersion(store, source.name());
		Map<String, byte[]> extras = new java.util.LinkedHashMap<>();
		try (Stream<Path> files = Files.list(source.directory())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String fileName = file.getFileName().toString();
				if (!fileName.equals(source.weights().file())
						&& !fileName.equals(io.modelport.store.DescriptorParser.FILE_NAME)) {
					extras.put(fileName, Files.readAllBytes(file));
				}
			}
		}
		return publish(store, source, source.directory().resolve(source.weights().file()), version, extras);
	}

	// DJL finds parameter files by model name and epoch, so they are renamed after the
	// model; other artifacts (TorchScript, word vectors) keep their own names.
	private static String weightsFileName(String name, ModelDescriptor template, Path parameters) {
		String source = parameters.getFileName().toString();
		if (template.format() != ArtifactFormat.DJL_PARAMS) {
			return new Artifact(source, null).file();
		}
		return name + "-" + source.replaceAll(".*-(\\d+)\\.params$", "$1") + ".params";
	}

	/**
	 * Deletes a folder and everything in it; a missing folder is fine.
	 * @param folder the folder
	 * @throws IOException when something cannot be deleted
	 */
	public static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
