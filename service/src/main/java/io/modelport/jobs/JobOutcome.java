package io.modelport.jobs;

import java.util.Map;

/**
 * How a job ended, kept until the job store has recorded it.
 *
 * @param run the job
 * @param state the terminal state
 * @param reason why it failed
 * @param version the published version
 * @param promoted whether it became the default
 * @param report the evaluation report
 * @author Modelport Team
 */
record JobOutcome(RunningJob run, JobState state, String reason, Integer version, Boolean promoted,
		Map<String, Object> report) {

	static JobOutcome failed(RunningJob run, String reason) {
		return new JobOutcome(run, JobState.FAILED, reason, null, null, null);
	}

}
