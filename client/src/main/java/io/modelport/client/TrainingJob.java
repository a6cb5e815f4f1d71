package io.modelport.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A training job as the server reports it.
 *
 * @param id the job id
 * @param state QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param task the task trained
 * @param model the model the new version goes to
 * @param request the request as submitted
 * @param device where it trains, for example {@code cpu()}
 * @param epoch the last finished epoch
 * @param epochs the epochs planned
 * @param history one record per finished epoch
 * @param samplesPerSecond the training throughput
 * @param resultVersion the version it published
 * @param promoted whether that version became the default
 * @param report the evaluation report
 * @param failureReason why it failed
 * @param attempts how many times it started
 * @param createdAt when it was submitted
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @author Modelport Team
 */
public record TrainingJob(String id, String state, String task, String model, Map<String, Object> request,
		String device, int epoch, int epochs, List<Epoch> history, Double samplesPerSecond, Integer resultVersion,
		Boolean promoted, Map<String, Object> report, String failureReason, int attempts, Instant createdAt,
		Instant startedAt, Instant finishedAt) {

	/**
	 * Whether the job has ended (SUCCEEDED, FAILED or CANCELLED).
	 * @return whether it is over
	 */
	public boolean ended() {
		return isTerminal(this.state);
	}

	static boolean isTerminal(String state) {
		return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
	}

	/**
	 * One finished epoch.
	 *
	 * @param epoch the epoch number, from 1
	 * @param trainLoss the mean training loss
	 * @param devLoss the loss on the dev split
	 * @param devAccuracy the accuracy (or the task's figure) on the dev split
	 * @param learningRate the learning rate used
	 * @param seconds how long it took
	 * @param samplesPerSecond its throughput
	 * @author Modelport Team
	 */
	public record Epoch(int epoch, double trainLoss, double devLoss, double devAccuracy, double learningRate,
			double seconds, double samplesPerSecond) {

	}

}
