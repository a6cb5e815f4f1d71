package io.modelport.jobs;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.modelport.jobs.InvalidJobRequestException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The training-job API's mapping, statuses and problem details.
 *
 * @author Modelport Team
 */
@WebMvcTest(TrainingJobController.class)
class TrainingJobControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private TrainingJobService service;

	@Test
	void submitAnswers202WithLocation() {
		TrainingJob job = TrainingJobRepositoryTests.job(Instant.now());
		given(this.service.submit(any())).willReturn(job);
		assertThat(this.mvc.post()
			.uri("/api/v1/training-jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"task\":\"classifier\",\"model\":\"m\"}")).hasStatus(HttpStatus.ACCEPTED)
			.hasHeader("Location", "/api/v1/training-jobs/" + job.id())
			.bodyJson()
			.extractingPath("$.state")
			.isEqualTo("QUEUED");
	}

	@Test
	void invalidRequestsListTheirFields() {
		given(this.service.submit(any())).willThrow(new InvalidJobRequestException(
				List.of(new FieldError("settings.batchSize", "must be between 1 and 4096, was 0"))));
		assertThat(this.mvc.post().uri("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\":[{\"field\":\"settings.batchSize\","
					+ "\"message\":\"must be between 1 and 4096, was 0\"}]}");
	}

	@Test
	void malformedBodiesAre400() {
		assertThat(this.mvc.post()
			.uri("/api/v1/training-jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"settings\":{\"epochs\":\"ten\"}}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownJobsAre404AndFinishedOnesCannotBeCancelled() {
		given(this.service.get("nope")).willThrow(new JobNotFoundException("nope"));
		assertThat(this.mvc.get().uri("/api/v1/training-jobs/nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		given(this.service.cancel("done")).willThrow(new JobConflictException("already ended"));
		assertThat(this.mvc.delete().uri("/api/v1/training-jobs/done")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listsPagesAndRefusesBadPaging() {
		given(this.service.list(JobState.RUNNING, 1, 5)).willReturn(List.of());
		assertThat(this.mvc.get().uri("/api/v1/training-jobs?state=RUNNING&page=1&size=5")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"items\":[],\"page\":1,\"size\":5}");
		assertThat(this.mvc.get().uri("/api/v1/training-jobs?size=1000")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/v1/training-jobs?state=DONE")).hasStatus(HttpStatus.BAD_REQUEST);
	}

}
