package io.modelport.jobs.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.modelport.jobs.JobRunner;

/**
 * Keeps what a runner reports, for assertions.
 *
 * @author Modelport Team
 */
final class RecordingListener implements JobRunner.Listener {

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Exit> exit = new CompletableFuture<>();

	@Override
	public void onEvent(Map<String, Object> event) {
		this.events.add(event);
	}

	@Override
	public void onExit(int exitCode, String logTail) {
		if (!this.exit.complete(new Exit(exitCode, logTail))) {
			throw new AssertionError("onExit called twice");
		}
	}

	List<Map<String, Object>> events() {
		return this.events;
	}

	List<Object> eventNames() {
		return this.events.stream().map((e) -> e.get("event")).toList();
	}

	boolean exited() {
		return this.exit.isDone();
	}

	Exit awaitExit(Duration timeout) throws Exception {
		return this.exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The worker's end as reported.
	 *
	 * @param code the exit code
	 * @param logTail the last lines of its log
	 */
	record Exit(int code, String logTail) {

	}

}
