package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.Fixtures;
import io.modelport.ModelportApplication;
import io.modelport.SlowTest;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job RUNNING when the service stops resumes from its last checkpoint at the next
 * start, with the same job store and folders.
 *
 * @author Modelport Team
 */
@SlowTest
class TrainingJobRecoveryTests {

	@TempDir
	Path root;

	@Test
	void aRunningJobResumesFromItsCheckpointAfterARestart() throws IOException {
		String id;
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(DatasetCatalog.class)
				.store("shapes", DatasetKind.IDX, new java.io.ByteArrayInputStream(Fixtures.shapesIdxZip(3000, 150)),
						-1);
			TrainingJobService jobs = first.getBean(TrainingJobService.class);
			id = jobs.submit(request(12)).id();
			await().atMost(Duration.ofSeconds(120)).until(() -> jobs.get(id).epoch() >= 2);
		}
		// The worker was stopped with the service; the job is still RUNNING in the store.
		assertThat(TrainingJobsIntegrationTests.workers(id)).isEmpty();
		assertThat(this.root.resolve("jobs").resolve(id).resolve("work/checkpoint.json")).exists();

		try (ConfigurableApplicationContext second = start()) {
			TrainingJobService jobs = second.getBean(TrainingJobService.class);
			await().atMost(Duration.ofSeconds(180)).until(() -> jobs.get(id).state().terminal());
			TrainingJob job = jobs.get(id);
			assertThat(job.state()).as(String.valueOf(job.failureReason())).isEqualTo(JobState.SUCCEEDED);
			assertThat(job.attempts()).isEqualTo(2);
			assertThat(job.history()).extracting(EpochRecord::epoch)
				.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
			assertThat(job.resultVersion()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, because they win over application.yaml.
		return new SpringApplicationBuilder(ModelportApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--modelport.store.location=" + dir("store"),
				"--modelport.datasets.location=" + dir("datasets"), "--modelport.training.work-dir=" + dir("jobs"),
				"--modelport.training.worker-heap=384m",
				"--spring.datasource.url=jdbc:h2:file:" + dir("db") + "/jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	private String dir(String name) {
		try {
			return Files.createDirectories(this.root.resolve(name)).toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static TrainingJobRequest request(int epochs) {
		return new TrainingJobRequest("classifier", "resumed",
				new ArchitectureRequest("conv-classifier", Map.of("filters", List.of(8, 16), "dense", 32)), "shapes",
				null, new TrainingSettings(epochs, 32, new OptimizerSettings("adam", 0.005, null, null, null, null),
						null, null, null, null, 0.1, null, null, null, 5L),
				"always", null, null, null, null);
	}

}
