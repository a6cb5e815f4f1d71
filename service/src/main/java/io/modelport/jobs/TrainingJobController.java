package io.modelport.jobs;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.modelport.core.InvalidRequestException;

/**
 * The training-job API: submit, list, inspect, cancel, follow.
 *
 * @author Modelport Team
 */
@RestController
@RequestMapping("/api/v1/training-jobs")
@Tag(name = "Training jobs", description = "Train new model versions in isolated worker processes")
class TrainingJobController {

	private final TrainingJobService service;

	TrainingJobController(TrainingJobService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Queue a training job",
			description = "Answers 202 with the job and its Location; 400 lists every invalid field.")
	ResponseEntity<TrainingJob> submit(@RequestBody TrainingJobRequest request) {
		TrainingJob job = this.service.submit(request);
		return ResponseEntity.accepted().location(URI.create("/api/v1/training-jobs/" + job.id())).body(job);
	}

	@GetMapping
	@Operation(summary = "List training jobs, newest first, optionally by state")
	JobPage list(@RequestParam(required = false) JobState state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new InvalidRequestException("page must be >= 0 and size between 1 and 100");
		}
		return new JobPage(this.service.list(state, page, size), page, size, this.service.count(state));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A job: state, device, epochs, per-epoch losses and dev accuracy, result, failure reason")
	TrainingJob get(@PathVariable String id) {
		return this.service.get(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel a queued or running job; its worker stops and partial output is discarded")
	TrainingJob cancel(@PathVariable String id) {
		return this.service.cancel(id);
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: snapshot, then epoch and state events until the job ends")
	SseEmitter events(@PathVariable String id) {
		return this.service.events(id);
	}

}
