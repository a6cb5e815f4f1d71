package io.modelport.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API: list models, inspect one, reload one from disk.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "The model store and the state of every model version")
class ModelsController {

	private final ModelRegistry registry;

	ModelsController(ModelRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	@Operation(summary = "List the models with their default version and state")
	List<ModelSummary> list() {
		return this.registry.models().stream().map(ModelSummary::of).toList();
	}

	@GetMapping("/{model}")
	@Operation(summary = "Describe a model: versions, states, task, input spec, labels, quality figures")
	ModelDetails get(@PathVariable String model) {
		return ModelDetails.of(this.registry.find(model));
	}

	@PostMapping("/{model}/versions/{version}/promote")
	@Operation(summary = "Make a READY version the default version (persisted in model.yaml)")
	ModelDetails promote(@PathVariable String model, @PathVariable int version) {
		return ModelDetails.of(this.registry.promote(model, version));
	}

	@GetMapping("/{model}/versions/{version}/report")
	@Operation(summary = "List the report files a training run left with a version (evaluation.json, *.png)")
	List<String> reportFiles(@PathVariable String model, @PathVariable int version) {
		return ReportFiles.list(this.registry.version(model, version).descriptor().directory());
	}

	@GetMapping("/{model}/versions/{version}/report/{file}")
	@Operation(summary = "Download one report file, for example evaluation.json or a face verifier's roc.png")
	ResponseEntity<byte[]> reportFile(@PathVariable String model, @PathVariable int version,
			@PathVariable String file) {
		byte[] bytes = ReportFiles.read(this.registry.version(model, version).descriptor().directory(), file);
		return ResponseEntity.ok().contentType(ReportFiles.type(file)).body(bytes);
	}

	@PostMapping("/{model}/reload")
	@Operation(summary = "Load versions added on disk, retry failed ones, unload removed ones",
			description = "Waits until the new versions are READY or FAILED. A version that fails leaves the "
					+ "serving version untouched.")
	ModelDetails reload(@PathVariable String model) {
		return ModelDetails.of(this.registry.reload(model));
	}

}
