package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import io.modelport.ModelportApplication;

/**
 * Stands in for the Job controller and the kubelet of the mock API server: runs each new
 * Job's worker container as a local process (this JVM's java and class path in place of
 * the image's entry point, the container's arguments and environment as they are), then
 * records its pod's exit, log and the Job's status. The job folders are at the same paths
 * here as on the claim, so the arguments need no translation.
 *
 * @author Modelport Team
 */
final class LocalKubelet implements AutoCloseable {

	private final MockKubernetes kubernetes;

	private final String namespace;

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	private final List<Job> ran = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	LocalKubelet(MockKubernetes kubernetes, String namespace) {
		this.kubernetes = kubernetes;
		this.namespace = namespace;
		this.thread = new Thread(this::watch, "local-kubelet");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The Jobs run so far.
	 * @return the Jobs as they were created
	 */
	synchronized List<Job> ran() {
		return List.copyOf(this.ran);
	}

	private void watch() {
		while (this.running) {
			for (Job job : this.kubernetes.client().batch().v1().jobs().inNamespace(this.namespace).list().getItems()) {
				if (this.started.add(job.getMetadata().getUid())) {
					synchronized (this) {
						this.ran.add(job);
					}
					Thread pod = new Thread(() -> run(job), "pod-" + job.getMetadata().getName());
					pod.setDaemon(true);
					pod.start();
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void run(Job job) {
		Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), ModelportApplication.class.getName()));
		command.addAll(container.getArgs());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		for (EnvVar variable : container.getEnv()) {
			// The pod's /tmp is an emptyDir; here the natives are already in the tests'
			// cache.
			if (!variable.getName().equals("DJL_CACHE_DIR")) {
				environment.put(variable.getName(), variable.getValue());
			}
		}
		try {
			Process process = builder.start();
			String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			this.kubernetes.podEnded(job, exit, (exit == 0) ? "Completed" : "Error", log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
