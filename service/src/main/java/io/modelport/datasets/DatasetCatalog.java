package io.modelport.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.modelport.core.InvalidRequestException;
import io.modelport.imaging.ImageDecoder;
import io.modelport.store.ModelNames;
import io.modelport.web.PayloadTooLargeException;

/**
 * The datasets training can use: the built-in Fashion-MNIST when its files are installed,
 * the built-in King James Bible text when the {@code bible} program is, and uploads, one
 * folder each under the configured location. An upload is written and checked in a hidden
 * staging folder, then renamed into place in one atomic step, so a half-written or
 * invalid dataset is never visible.
 *
 * @author Modelport Team
 */
public class DatasetCatalog {

	private static final Log log = LogFactory.getLog(DatasetCatalog.class);

	private static final String STAGING_PREFIX = ".staging-";

	private final DatasetProperties properties;

	private final Path location;

	private final Object publishLock = new Object();

	private final BuiltInPairs pairs;

	/**
	 * Creates a catalog without the built-in sequence-pair sets.
	 * @param properties the locations and limits
	 */
	public DatasetCatalog(DatasetProperties properties) {
		this(properties, BuiltInPairs.none());
	}

	/**
	 * Creates a catalog.
	 * @param properties the locations and limits
	 * @param pairs the built-in sequence-pair sets
	 */
	public DatasetCatalog(DatasetProperties properties, BuiltInPairs pairs) {
		this.properties = properties;
		this.location = properties.location().toAbsolutePath().normalize();
		this.pairs = pairs;
	}

	/**
	 * Lists the datasets: the built-in ones first, then uploads by name. Uploads whose
	 * metadata cannot be read are logged and left out.
	 * @return the datasets
	 */
	public List<Dataset> list() {
		List<Dataset> datasets = new ArrayList<>();
		builtIn().ifPresent(datasets::add);
		KjvBible.describe(this.properties.bibleCommand()).ifPresent(datasets::add);
		datasets.addAll(this.pairs.list());
		if (!Files.isDirectory(this.location)) {
			return datasets;
		}
		try {
			for (Path directory : Folders.children(this.location)) {
				if (Files.isRegularFile(directory.resolve(DatasetMetadata.FILE_NAME))) {
					readQuietly(directory).ifPresent(datasets::add);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return datasets;
	}

	/**
	 * Finds a dataset.
	 * @param name the name
	 * @return the dataset, empty when there is none of that name
	 */
	public Optional<Dataset> find(String name) {
		if (DatasetMetadata.FASHION_MNIST.equals(name)) {
			return builtIn();
		}
		if (KjvBible.NAME.equals(name)) {
			return KjvBible.describe(this.properties.bibleCommand());
		}
		if (this.pairs.isReserved(name)) {
			return this.pairs.find(name);
		}
		if (!ModelNames.isValid(name)) {
			return Optional.empty();
		}
		Path directory = this.location.resolve(name);
		if (!Files.isRegularFile(directory.resolve(DatasetMetadata.FILE_NAME))) {
			return Optional.empty();
		}
		return readQuietly(directory);
	}

	/**
	 * Checks and stores an upload.
	 * @param name the dataset name
	 * @param kind the kind of data
	 * @param content the uploaded bytes: a zip archive for image kinds, the text file
	 * otherwise
	 * @param declaredSize the size the client declared, {@code -1} when unknown
	 * @return the stored dataset
	 * @throws IOException when the data cannot be written
	 * @throws PayloadTooLargeException when the upload, the number of archive entries or
	 * the extracted size is over its limit
	 * @throws InvalidRequestException when the name is invalid or reserved, or the data
	 * is not valid for its kind
	 * @throws DatasetExistsException when a dataset of that name exists
	 */
	public Dataset store(String name, DatasetKind kind, InputStream content, long declaredSize) throws IOException {
		if (!ModelNames.isValid(name)) {
			throw new InvalidRequestException("invalid dataset name '" + name
					+ "': use 1-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
		}
		if (DatasetMetadata.FASHION_MNIST.equals(name) || KjvBible.NAME.equals(name) || this.pairs.isReserved(name)) {
			throw new InvalidRequestException("the name '" + name + "' is reserved for the built-in dataset");
		}
		Path target = this.location.resolve(name);
		requireFree(name, target);
		long maxUpload = this.properties.maxUploadSize().toBytes();
		if (declaredSize > maxUpload) {
			throw new PayloadTooLargeException(
					"the upload has " + declaredSize + " bytes, more than the limit of " + maxUpload + " bytes");
		}
		Files.createDirectories(this.location);
		Path staging = Files.createDirectory(this.location.resolve(STAGING_PREFIX + UUID.randomUUID()));
		boolean published = false;
		try {
			LimitedInputStream in = new LimitedInputStream(content, maxUpload);
			Map<String, Object> details = write(kind, in, staging);
			Dataset dataset = new Dataset(name, kind, Dataset.UPLOAD, target, details, Instant.now());
			DatasetMetadata.write(dataset, staging);
			synchronized (this.publishLock) {
				requireFree(name, target);
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				published = true;
			}
			log.info("Stored dataset '" + name + "' (" + kind.id() + "): " + details);
			return dataset;
		}
		finally {
			if (!published) {
				deleteQuietly(staging);
			}
		}
	}

	private Map<String, Object> write(DatasetKind kind, LimitedInputStream in, Path staging) throws IOException {
		Path data = staging.resolve(Dataset.DATA_FOLDER);
		if (!kind.isImages() && !kind.isDetection()) {
			Files.createDirectory(data);
			Path file = data.resolve((kind == DatasetKind.TEXT) ? Dataset.TEXT_FILE : Dataset.PAIRS_FILE);
			Files.copy(in, file);
			Map<String, Object> details = new LinkedHashMap<>(
					(kind == DatasetKind.TEXT) ? TextFiles.validateText(file) : TextFiles.validatePairs(file));
			details.put("bytes", Files.size(file));
			return details;
		}
		Path extracted = Files.createDirectory(staging.resolve("extracted"));
		long bytes = new ZipExtractor(this.properties).extract(in, extracted);
		Files.move(ZipExtractor.unwrap(extracted, kind != DatasetKind.IDX), data);
		Folders.deleteRecursively(extracted);
		Map<String, Object> details = switch (kind) {
			case IDX -> IdxValidation.validate(data, this.properties.maxUncompressedSize().toBytes());
			case YOLO, COCO -> UploadFormat.forKind(kind).validate(kind, data, this.properties.maxImagePixels());
			default -> ImageFolders.validate(data, new ImageDecoder(this.properties.maxImagePixels()));
		};
		Map<String, Object> result = new LinkedHashMap<>(details);
		result.put("bytes", bytes);
		return result;
	}

	private void requireFree(String name, Path target) {
		if (Files.exists(target)) {
			throw new DatasetExistsException("dataset '" + name + "' already exists");
		}
	}

	private Optional<Dataset> builtIn() {
		try {
			return DatasetMetadata.fashionMnist(this.properties.fashionMnistLocation());
		}
		catch (IOException ex) {
			log.warn("Cannot read the built-in Fashion-MNIST headers: " + ex.getMessage());
			return Optional.empty();
		}
	}

	private static Optional<Dataset> readQuietly(Path directory) {
		try {
			return Optional.of(DatasetMetadata.read(directory));
		}
		catch (IOException ex) {
			log.warn("Skipping dataset folder " + directory + ": " + ex.getMessage());
			return Optional.empty();
		}
	}

	private static void deleteQuietly(Path staging) {
		try {
			Folders.deleteRecursively(staging);
		}
		catch (IOException ex) {
			log.warn("Cannot remove staging folder " + staging + ": " + ex.getMessage());
		}
	}

}
