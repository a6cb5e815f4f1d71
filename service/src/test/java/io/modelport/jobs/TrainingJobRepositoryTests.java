package io.modelport.jobs;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.TestDatabases;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job store against the Flyway schema, on embedded H2 and on a real PostgreSQL when
 * {@code modelport.test.postgres.url} names one (CI starts one; it also sets
 * {@code modelport.test.postgres.required=true} so the PostgreSQL run cannot be skipped).
 *
 * @author Modelport Team
 */
@Tag("integration")
class TrainingJobRepositoryTests {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void storesUpdatesAndQueuesJobs(String database) {
		TrainingJobRepository repository = repository(database);
		TrainingJob first = job(Instant.parse("2026-01-01T00:00:00Z"));
		TrainingJob second = job(Instant.parse("2026-01-01T00:00:01Z"));
		repository.insert(second);
		repository.insert(first);

		assertThat(repository.findById(first.id())).get().satisfies((found) -> {
			assertThat(found.state()).isEqualTo(JobState.QUEUED);
			assertThat(found.request()).isEqualTo(first.request());
			assertThat(found.createdAt()).isEqualTo(first.createdAt());
		});
		assertThat(repository.claimNextQueued()).get().extracting(TrainingJob::id).isEqualTo(first.id());
		assertThat(repository.findById(first.id()).orElseThrow().attempts()).isEqualTo(1);

		EpochRecord epoch = new EpochRecord(1, 0.5, 0.6, 0.8, 0.001, 2.0, 1000.0);
		repository.recordDevice(first.id(), "cpu()");
		repository.recordProgress(first.id(), List.of(epoch));
		TrainingJob running = repository.findById(first.id()).orElseThrow();
		assertThat(running.history()).containsExactly(epoch);
		assertThat(running.device()).isEqualTo("cpu()");
		assertThat(running.samplesPerSecond()).isEqualTo(1000.0);

		assertThat(repository.finish(first.id(), JobState.SUCCEEDED, null, 3, true, Map.of("testAccuracy", 0.9)))
			.isTrue();
		assertThat(repository.finish(first.id(), JobState.CANCELLED, null, null, null, null)).isFalse();
		TrainingJob done = repository.findById(first.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(done.resultVersion()).isEqualTo(3);
		assertThat(done.report()).containsEntry("testAccuracy", 0.9);
		assertThat(done.finishedAt()).isNotNull();

		assertThat(repository.page(JobState.QUEUED, 0, 10)).extracting(TrainingJob::id).containsExactly(second.id());
		assertThat(repository.page(null, 0, 1)).hasSize(1);
		assertThat(repository.count(null)).isEqualTo(2);
		assertThat(repository.countByState()).containsEntry(JobState.SUCCEEDED, 1L).containsEntry(JobState.QUEUED, 1L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void requeuesInterruptedJobsAndFailsThoseStartedTooOften(String database) {
		TrainingJobRepository repository = repository(database);
		TrainingJob once = job(Instant.parse("2026-01-01T00:00:00Z"));
		TrainingJob thrice = job(Instant.parse("2026-01-01T00:00:01Z"));
		repository.insert(once);
		repository.insert(thrice);
		repository.claimNextQueued();
		repository.claimNextQueued();
		for (int i = 0; i < 2; i++) {
			assertThat(repository.requeueInterrupted(3)).isEqualTo(2);
			repository.claimNextQueued();
			repository.claimNextQueued();
		}
		// Both were started 3 times now; the next restart fails them.
		assertThat(repository.requeueInterrupted(3)).isZero();
		TrainingJob failed = repository.findById(thrice.id()).orElseThrow();
		assertThat(failed.state()).isEqualTo(JobState.FAILED);
		assertThat(failed.failureReason()).startsWith("interrupted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void failsAStoredJobThatCannotBeReadAndClaimsTheNext(String database) {
		JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(database));
		TrainingJobRepository repository = new TrainingJobRepository(jdbc, JsonMapper.builder().build());
		TrainingJob unreadable = job(Instant.parse("2026-01-01T00:00:00Z"));
		TrainingJob next = job(Instant.parse("2026-01-01T00:00:01Z"));
		repository.insert(unreadable);
		repository.insert(next);
		// A request stored under an older contract that the current one refuses.
		jdbc.sql("update training_job set request = :request where id = :id")
			.param("request", "{\"task\": \"classifier\", \"architecture\": \"conv-classifier\"}")
			.param("id", unreadable.id())
			.update();

		assertThat(repository.claimNextQueued()).get().extracting(TrainingJob::id).isEqualTo(next.id());
		List<String> failed = jdbc.sql("select state, failure_reason, finished_at from training_job where id = :id")
			.param("id", unreadable.id())
			.query((rs, row) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(failed.get(0)).isEqualTo("FAILED");
		assertThat(failed.get(1)).startsWith("the stored job cannot be read: ");
		assertThat(failed.get(2)).isNotNull();
		assertThat(repository.claimNextQueued()).isEmpty();
	}

	static TrainingJob job(Instant created) {
		TrainingJobRequest request = new TrainingJobRequest("classifier", "m",
				new ArchitectureRequest("conv-classifier", Map.of("filters", List.of(4))), "shapes", null, null,
				"never", null, null, null, null);
		return new TrainingJob(UUID.randomUUID().toString(), JobState.QUEUED, "classifier", "m", request, null, 0, 3,
				List.of(), null, null, null, null, null, null, 0, created, null, null);
	}

	private static TrainingJobRepository repository(String database) {
		return new TrainingJobRepository(JdbcClient.create(TestDatabases.migrated(database)),
				JsonMapper.builder().build());
	}

}
