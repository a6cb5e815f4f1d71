package io.modelport.jobs;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The folders and job database of a test service that runs real training jobs, all under
 * one root, so a suite can restart the service on the same state.
 *
 * @author Modelport Team
 */
public final class JobFolders {

	private JobFolders() {
	}

	/**
	 * Points the store, the data sets, the jobs' work folders and a file-backed job
	 * database into {@code root}.
	 * @param registry the test's property registry
	 * @param root the folder holding them
	 */
	public static void register(DynamicPropertyRegistry registry, Path root) {
		registry.add("modelport.store.location", () -> root.resolve("store").toString());
		registry.add("modelport.datasets.location", () -> root.resolve("datasets").toString());
		registry.add("modelport.training.work-dir", () -> root.resolve("jobs").toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/jobs")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

}
