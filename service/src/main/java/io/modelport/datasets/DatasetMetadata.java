package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code dataset.json}, the metadata file of an uploaded dataset, and
 * describes the built-in Fashion-MNIST set from its IDX headers.
 *
 * @author Modelport Team
 */
final class DatasetMetadata {

	static final String FILE_NAME = "dataset.json";

	static final String FASHION_MNIST = "fashion-mnist";

	private static final int FORMAT = 1;

	private static final JsonMapper json = JsonMapper.builder().build();

	private DatasetMetadata() {
	}

	static Dataset read(Path directory) throws IOException {
		Path file = directory.resolve(FILE_NAME);
		if (Files.isRegularFile(file)) {
			return readStored(directory, file);
		}
		return fashionMnist(directory)
			.orElseThrow(() -> new IOException(directory + " holds no dataset: " + FILE_NAME + " is missing"));
	}

	private static Dataset readStored(Path directory, Path file) throws IOException {
		try {
			Map<?, ?> root = json.readValue(file.toFile(), Map.class);
			String name = String.valueOf(root.get("name"));
			Path folder = directory.getFileName();
			if (folder != null && !folder.toString().equals(name)) {
				throw new IOException(file + " names dataset '" + name + "' but its folder is '" + folder + "'");
			}
			DatasetKind kind = DatasetKind.fromId(String.valueOf(root.get("kind")));
			Instant createdAt = Instant.parse(String.valueOf(root.get("createdAt")));
			Map<String, Object> details = new LinkedHashMap<>();
			if (root.get("details") instanceof Map<?, ?> map) {
				map.forEach((key, value) -> details.put(String.valueOf(key), value));
			}
			return new Dataset(name, kind, Dataset.UPLOAD, directory, details, createdAt);
		}
		catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
			throw new IOException(file + " is not valid dataset metadata: " + ex.getMessage(), ex);
		}
	}

	static void write(Dataset dataset, Path directory) throws IOException {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", FORMAT);
		root.put("name", dataset.name());
		root.put("kind", dataset.kind().id());
		root.put("createdAt", dataset.createdAt().toString());
		root.put("details", dataset.details());
		try {
			json.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(FILE_NAME).toFile(), root);
		}
		catch (JacksonException ex) {
			throw new IOException("cannot write " + FILE_NAME + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Describes the built-in Fashion-MNIST set.
	 * @param directory the folder that may hold its four IDX files
	 * @return the dataset, empty unless all four files are there
	 * @throws IOException when a header cannot be read
	 */
	static Optional<Dataset> fashionMnist(Path directory) throws IOException {
		List<Optional<Path>> files = List.of(IdxFiles.find(directory, IdxFiles.TRAIN_IMAGES),
				IdxFiles.find(directory, IdxFiles.TRAIN_LABELS), IdxFiles.find(directory, IdxFiles.TEST_IMAGES),
				IdxFiles.find(directory, IdxFiles.TEST_LABELS));
		if (files.stream().anyMatch(Optional::isEmpty)) {
			return Optional.empty();
		}
		IdxFiles.Header train = IdxFiles.header(files.get(0).get());
		IdxFiles.Header test = IdxFiles.header(files.get(2).get());
		long bytes = 0;
		for (Optional<Path> file : files) {
			bytes += Files.size(file.get());
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("classes", FashionMnist.LABELS);
		details.put("classCount", FashionMnist.LABELS.size());
		details.put("trainImages", train.count());
		details.put("testImages", test.count());
		details.put("width", train.cols());
		details.put("height", train.rows());
		details.put("bytes", bytes);
		Instant createdAt = Files.getLastModifiedTime(files.get(0).get()).toInstant();
		return Optional.of(new Dataset(FASHION_MNIST, DatasetKind.IDX, Dataset.BUILT_IN, directory.toAbsolutePath(),
				details, createdAt));
	}

}
