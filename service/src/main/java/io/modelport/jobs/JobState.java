package io.modelport.jobs;

/**
 * The lifecycle of a training job: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED.
 *
 * @author Modelport Team
 */
public enum JobState {

	/** Waiting for a free worker slot (first in, first out). */
	QUEUED,

	/** A worker process is training. */
	RUNNING,

	/** Trained, evaluated and published as a new model version. */
	SUCCEEDED,

	/** The worker failed or crashed; the reason is kept. */
	FAILED,

	/** Cancelled by a client; partial output was discarded. */
	CANCELLED;

	/**
	 * Whether the job can no longer change.
	 * @return {@code true} for SUCCEEDED, FAILED and CANCELLED
	 */
	public boolean terminal() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}
