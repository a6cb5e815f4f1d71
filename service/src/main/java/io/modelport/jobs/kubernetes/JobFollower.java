package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;

import io.modelport.jobs.JobRunner.Listener;
import io.modelport.jobs.worker.TrainingWorker;

/**
 * Follows one Kubernetes Job: relays the events its worker appends to the job folder and
 * polls the Job until it completes or fails, then reports the worker's exit code (from
 * its pod) and the tail of its log. Failures the worker could not report itself (killed
 * for memory, deadline exceeded, Job deleted) become a {@code failed} event.
 *
 * @author Modelport Team
 */
class JobFollower implements Runnable {

	private static final Log logger = LogFactory.getLog(JobFollower.class);

	private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
	};

	private static final int TAIL_LINES = 20;

	private static final int LOG_LINES = 500;

	private final KubernetesJobRunner runner;

	private final String jobId;

	private final String name;

	private final Path events;

	private final Path directory;

	private final Listener listener;

	private long offset;

	private boolean failureReported;

	private volatile boolean cancelled;

	JobFollower(KubernetesJobRunner runner, String jobId, String name, Path events, Path directory, Listener listener) {
		this.runner = runner;
		this.jobId = jobId;
		this.name = name;
		this.events = events;
		this.directory = directory;
		this.listener = listener;
	}

	void cancelled() {
		this.cancelled = true;
	}

	@Override
	public void run() {
		while (!this.runner.closed()) {
			try {
				relayEvents();
				Job job = this.runner.job(this.name).get();
				if (job == null) {
					relayEvents();
					if (!this.cancelled) {
						reportFailure("the Kubernetes Job " + this.name + " was deleted");
					}
					this.listener.onExit(this.cancelled ? 143 : 1, "");
					return;
				}
				if (finished(job.getStatus())) {
					relayEvents();
					exited(job.getStatus());
					return;
				}
			}
			catch (KubernetesClientException | UncheckedIOException ex) {
				// The API server or the claim may be briefly unavailable; the Job runs
				// on.
				logger.warn("Following Kubernetes Job " + this.name + ": " + ex.getMessage());
			}
			try {
				Thread.sleep(this.runner.properties().pollInterval().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static boolean finished(JobStatus status) {
		return succeeded(status) || condition(status, "Failed").isPresent();
	}

	private static boolean succeeded(JobStatus status) {
		return status != null && ((status.getSucceeded() != null && status.getSucceeded() > 0)
				|| condition(status, "Complete").isPresent());
	}

	private static Optional<JobCondition> condition(JobStatus status, String type) {
		if (status == null || status.getConditions() == null) {
			return Optional.empty();
		}
		return status.getConditions()
			.stream()
			.filter((c) -> type.equals(c.getType()) && "True".equals(c.getStatus()))
			.findFirst();
	}

	private void exited(JobStatus status) {
		Optional<Pod> pod = lastPod();
		String tail = pod.map(this::saveLog).orElse("");
		if (succeeded(status)) {
			this.listener.onExit(0, tail);
			return;
		}
		ContainerStateTerminated terminated = pod.flatMap(JobFollower::terminated).orElse(null);
		if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
			reportFailure("the worker's pod exceeded its memory limit (OOMKilled); raise "
					+ "modelport.training.kubernetes.resources.limits.memory or lower the worker heap");
		}
		JobCondition failed = condition(status, "Failed").orElseThrow();
		if (!"BackoffLimitExceeded".equals(failed.getReason()) || terminated == null) {
			reportFailure("the Kubernetes Job failed: " + failed.getReason()
					+ ((failed.getMessage() != null) ? " (" + failed.getMessage() + ")" : ""));
		}
		int exitCode = (terminated != null && terminated.getExitCode() != null) ? terminated.getExitCode() : 1;
		this.listener.onExit((exitCode != 0) ? exitCode : 1, tail);
	}

	// The worker's own reason is the most precise one; Kubernetes' only fills a gap.
	private void reportFailure(String reason) {
		if (!this.failureReported) {
			this.failureReported = true;
			this.listener.onEvent(Map.of("event", "failed", "reason", reason));
		}
	}

	// Best effort: without its pod the job still ends, with the Job's reason.
	private Optional<Pod> lastPod() {
		List<Pod> pods;
		try {
			pods = this.runner.client()
				.pods()
				.inNamespace(this.runner.namespace())
				.withLabel(TrainingJobManifest.JOB_ID_LABEL, this.jobId)
				.list()
				.getItems();
		}
		catch (KubernetesClientException ex) {
			logger.warn("Cannot list the pods of Kubernetes Job " + this.name + ": " + ex.getMessage());
			return Optional.empty();
		}
		return pods.stream()
			.max(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())));
	}

	private static Optional<ContainerStateTerminated> terminated(Pod pod) {
		if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
			return Optional.empty();
		}
		return pod.getStatus()
			.getContainerStatuses()
			.stream()
			.filter((s) -> TrainingJobManifest.CONTAINER.equals(s.getName()))
			.map(ContainerStatus::getState)
			.filter((s) -> s != null && s.getTerminated() != null)
			.map((s) -> s.getTerminated())
			.findFirst();
	}

	// The pod's log is the worker's output; keep it in the job folder as the local runner
	// does, and return its last lines for the failure reason.
	private String saveLog(Pod pod) {
		String log;
		try {
			log = this.runner.client()
				.pods()
				.inNamespace(this.runner.namespace())
				.withName(pod.getMetadata().getName())
				.inContainer(TrainingJobManifest.CONTAINER)
				.tailingLines(LOG_LINES)
				.getLog();
		}
		catch (KubernetesClientException ex) {
			logger.warn("Cannot read the log of " + pod.getMetadata().getName() + ": " + ex.getMessage());
			return "";
		}
		Deque<String> tail = new ArrayDeque<>();
		StringBuilder text = new StringBuilder();
		for (String line : (log != null) ? log.split("\n") : new String[0]) {
			if (line.startsWith(TrainingWorker.EVENT_PREFIX)) {
				continue;
			}
			text.append(line).append('\n');
			tail.addLast(line);
			if (tail.size() > TAIL_LINES) {
				tail.removeFirst();
			}
		}
		try {
			Files.writeString(this.directory.resolve(TrainingWorker.LOG_FILE), text, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			logger.warn("Cannot keep the log of training job " + this.jobId + ": " + ex.getMessage());
		}
		return String.join("\n", tail);
	}

	// Complete lines only: the worker may be half-way through writing the last one.
	private void relayEvents() {
		if (!Files.exists(this.events)) {
			return;
		}
		byte[] bytes;
		try (SeekableByteChannel channel = Files.newByteChannel(this.events)) {
			channel.position(this.offset);
			try (InputStream in = Channels.newInputStream(channel)) {
				bytes = in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int end = lastNewline(bytes);
		if (end < 0) {
			return;
		}
		this.offset += end + 1;
		for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			Map<String, Object> event;
			try {
				event = this.runner.json().readValue(line, EVENT);
			}
			catch (RuntimeException ex) {
				logger.warn("Skipping a malformed event of training job " + this.jobId + ": " + line);
				continue;
			}
			if ("failed".equals(event.get("event"))) {
				this.failureReported = true;
			}
			this.listener.onEvent(event);
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
