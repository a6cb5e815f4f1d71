package io.modelport.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.modelport.core.InvalidRequestException;

/**
 * The datasets API: upload a dataset, list them, describe one.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Datasets that training jobs train on: built-in and uploaded")
class DatasetsController {

	private final DatasetCatalog catalog;

	DatasetsController(DatasetCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a dataset",
			description = "Kinds: image-folders (a zip with one folder of images per class), idx (a zip with "
					+ "train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz], optionally a t10k pair), "
					+ "text (a UTF-8 text file) and sequence-pairs (UTF-8 lines of source<TAB>target). "
					+ "The data is checked before the dataset becomes visible.")
	ResponseEntity<DatasetView> upload(@RequestParam String name, @RequestParam String kind,
			@RequestPart("file") MultipartFile file) throws IOException {
		DatasetKind datasetKind = parseKind(kind);
		try (InputStream content = file.getInputStream()) {
			Dataset dataset = this.catalog.store(name, datasetKind, content, file.getSize());
			return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.name()))
				.body(DatasetView.of(dataset));
		}
	}

	@GetMapping
	@Operation(summary = "List the datasets, built-in ones first")
	List<DatasetView> list() {
		return this.catalog.list().stream().map(DatasetView::of).toList();
	}

	@GetMapping("/{name}")
	@Operation(summary = "Describe a dataset: kind, source, classes and sizes")
	DatasetView get(@PathVariable String name) {
		return this.catalog.find(name)
			.map(DatasetView::of)
			.orElseThrow(() -> new DatasetNotFoundException("dataset '" + name + "' does not exist"));
	}

	private static DatasetKind parseKind(String kind) {
		try {
			return DatasetKind.fromId(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
	}

}
