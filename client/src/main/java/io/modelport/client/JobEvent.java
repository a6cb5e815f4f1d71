package io.modelport.client;

/**
 * One Server-Sent Event of a training job: a {@code snapshot} of the job first, then an
 * {@code epoch} per finished epoch and a {@code state} per change of state.
 *
 * @param name snapshot, epoch or state
 * @param data the event's JSON as sent
 * @param job the job, for a snapshot and for state events that carry the whole job
 * @param epoch the epoch, for an epoch event
 * @param state the job's state after this event, when the event says it
 * @author Modelport Team
 */
public record JobEvent(String name, String data, TrainingJob job, TrainingJob.Epoch epoch, String state) {

	/**
	 * Whether this event says the job has ended.
	 * @return whether the job ended
	 */
	public boolean ended() {
		return TrainingJob.isTerminal(this.state);
	}

}
