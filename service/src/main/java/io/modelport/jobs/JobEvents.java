package io.modelport.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of training jobs: a subscriber gets a {@code snapshot} of the job,
 * then an {@code epoch} event per finished epoch, {@code progress} events within an epoch
 * (at most every two seconds), and a {@code state} event per state change; the stream
 * ends when the job reaches a terminal state.
 *
 * @author Modelport Team
 */
class JobEvents {

	private static final long TIMEOUT_MILLIS = 6 * 60 * 60 * 1000L;

	private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();

	/**
	 * Subscribes to a job's events.
	 * @param job the job as it is now
	 * @return the emitter to return from the controller
	 */
	SseEmitter subscribe(TrainingJob job) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		List<SseEmitter> list = this.subscribers.computeIfAbsent(job.id(), (id) -> new CopyOnWriteArrayList<>());
		list.add(emitter);
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		send(emitter, "snapshot", job);
		if (job.state().terminal()) {
			emitter.complete();
		}
		return emitter;
	}

	/**
	 * Sends an event to every subscriber of a job.
	 * @param jobId the job id
	 * @param name the event name
	 * @param data the event data, sent as JSON
	 */
	void publish(String jobId, String name, Object data) {
		for (SseEmitter emitter : this.subscribers.getOrDefault(jobId, List.of())) {
			send(emitter, name, data);
		}
	}

	/**
	 * Ends every subscription of a job.
	 * @param jobId the job id
	 */
	void complete(String jobId) {
		List<SseEmitter> list = this.subscribers.remove(jobId);
		if (list != null) {
			list.forEach(SseEmitter::complete);
		}
	}

	private static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away; the container completes the emitter.
			emitter.completeWithError(ex);
		}
	}

}
