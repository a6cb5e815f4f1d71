package io.modelport.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelport.Fixtures;
import io.modelport.SlowTest;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.TrainingJobRequest.ArchitectureRequest;
import io.modelport.registry.ModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker that runs out of memory fails its job with that reason; serving goes on.
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(properties = "modelport.training.worker-heap=16m")
class TrainingJobOutOfMemoryTests {

	private static final Path ROOT = root();

	@Autowired
	private TrainingJobService jobs;

	@Autowired
	private DatasetCatalog datasets;

	@Autowired
	private ModelRegistry registry;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", () -> ROOT.resolve("store").toString());
		registry.add("modelport.datasets.location", () -> ROOT.resolve("datasets").toString());
		registry.add("modelport.training.work-dir", () -> ROOT.resolve("jobs").toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:oom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	@Test
	void aWorkerOutOfMemoryFailsItsJobWithTheReason() throws IOException {
		// 30,000 images of 28×28 bytes do not fit a 16 MB worker heap.
		this.datasets.store("big-shapes", DatasetKind.IDX, new ByteArrayInputStream(Fixtures.shapesIdxZip(30_000, 100)),
				-1);
		String id = this.jobs
			.submit(new TrainingJobRequest("classifier", "oom-model",
					new ArchitectureRequest("conv-classifier", Map.of("filters", List.of(4))), "big-shapes", null, null,
					"always", null, null, null, null))
			.id();
		await().atMost(Duration.ofSeconds(120)).until(() -> this.jobs.get(id).state().terminal());
		TrainingJob job = this.jobs.get(id);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.failureReason()).contains("ran out of memory");
		assertThat(this.registry.awaitLoaded(Duration.ofSeconds(30))).isTrue();
		assertThat(this.registry.resolve(Fixtures.TINY_MODEL, null).descriptor().version()).isEqualTo(1);
	}

	private static Path root() {
		try {
			Path root = Files.createTempDirectory("modelport-oom");
			Fixtures.copyTinyModel(root.resolve("store"), Fixtures.TINY_MODEL, 1);
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
