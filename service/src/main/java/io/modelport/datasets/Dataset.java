package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset on disk, built-in or uploaded.
 *
 * @param name the dataset name, following the model name rule
 * @param kind the kind of data
 * @param source {@link #BUILT_IN} or {@link #UPLOAD}
 * @param directory the dataset folder: for an upload the folder with
 * {@code dataset.json}, for the built-in set the folder of its IDX files
 * @param details facts about the data: {@code classes}, {@code classCount},
 * {@code images}, {@code trainImages}, {@code testImages}, {@code width}, {@code height},
 * {@code lines}, {@code pairs}, {@code bytes}, depending on the kind
 * @param createdAt when the dataset was stored
 * @author Modelport Team
 */
public record Dataset(String name, DatasetKind kind, String source, Path directory, Map<String, Object> details,
		Instant createdAt) {

	/** The source of datasets that ship with the service. */
	public static final String BUILT_IN = "built-in";

	/** The source of uploaded datasets. */
	public static final String UPLOAD = "upload";

	/** The file of a {@code text} dataset, in its data folder. */
	public static final String TEXT_FILE = "corpus.txt";

	/** The file of a {@code sequence-pairs} dataset, in its data folder. */
	public static final String PAIRS_FILE = "pairs.tsv";

	static final String DATA_FOLDER = "data";

	public Dataset {
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * Reads a dataset from its folder alone, the way a training worker that only gets a
	 * path does: an uploaded set from its {@code dataset.json}, or the built-in
	 * Fashion-MNIST from a folder holding its four IDX files.
	 * @param directory the dataset folder
	 * @return the dataset
	 * @throws IOException when the folder holds no dataset or its metadata is invalid
	 */
	public static Dataset read(Path directory) throws IOException {
		return DatasetMetadata.read(directory);
	}

	/**
	 * Tells whether this is a built-in dataset.
	 * @return {@code true} when the source is {@link #BUILT_IN}
	 */
	public boolean isBuiltIn() {
		return BUILT_IN.equals(this.source);
	}

	/**
	 * The folder with the data files: class folders, IDX files or the text file.
	 * @return the folder
	 */
	public Path dataDirectory() {
		return isBuiltIn() ? this.directory : this.directory.resolve(DATA_FOLDER);
	}

	/**
	 * The text file of a {@code text} or {@code sequence-pairs} dataset.
	 * @return the file
	 * @throws IllegalStateException when the dataset holds images
	 */
	public Path textFile() {
		return switch (this.kind) {
			case TEXT -> dataDirectory().resolve(TEXT_FILE);
			case SEQUENCE_PAIRS -> dataDirectory().resolve(PAIRS_FILE);
			default -> throw new IllegalStateException("dataset '" + this.name + "' holds images, not text");
		};
	}

	/**
	 * The class names of an image dataset, index = label.
	 * @return the names, empty for text datasets
	 */
	public List<String> classes() {
		Object classes = this.details.get("classes");
		if (classes instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
