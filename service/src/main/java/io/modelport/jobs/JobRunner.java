package io.modelport.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the training of one job somewhere: a local worker process today, a Kubernetes
 * Job tomorrow. The runner reports what the worker says and when it ends; the service
 * owns the job's state.
 *
 * @author Modelport Team
 */
public interface JobRunner {

	/**
	 * Starts a worker for a job whose folder holds its {@code spec.json}.
	 * @param jobId the job id
	 * @param jobDirectory the job's folder
	 * @param listener receives the worker's events and its end
	 * @return a handle to cancel the worker
	 */
	RunningWorker start(String jobId, Path jobDirectory, Listener listener);

	/**
	 * A started worker.
	 *
	 * @author Modelport Team
	 */
	interface RunningWorker {

		/**
		 * Stops the worker: politely, then forcibly after the grace period. Returns once
		 * it has exited.
		 */
		void cancel();

	}

	/**
	 * Receives what a worker reports.
	 *
	 * @author Modelport Team
	 */
	interface Listener {

		/**
		 * One event the worker printed.
		 * @param event the event, with at least an {@code event} key
		 */
		void onEvent(Map<String, Object> event);

		/**
		 * The worker has exited.
		 * @param exitCode its exit code
		 * @param logTail the last lines it printed, for failure reasons
		 */
		void onExit(int exitCode, String logTail);

	}

}
