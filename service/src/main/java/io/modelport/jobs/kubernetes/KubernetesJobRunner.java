package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.jobs.JobRunner;
import io.modelport.jobs.TrainingProperties;
import io.modelport.jobs.worker.TrainingWorker;

/**
 * Runs each training job as a Kubernetes Job in the service's namespace: the same image
 * in worker mode, on the job's folder on a claim shared with the service. The worker
 * appends its events to a file in that folder; a follower thread per job relays them and
 * reads the Job's status until it completes or fails. Cancel deletes the Job, and
 * Kubernetes stops its pod (SIGTERM, then SIGKILL after {@code cancel-grace}).
 *
 * @author Modelport Team
 */
class KubernetesJobRunner implements JobRunner, AutoCloseable {

	private static final Log logger = LogFactory.getLog(KubernetesJobRunner.class);

	private final KubernetesClient client;

	private final KubernetesJobProperties properties;

	private final TrainingProperties training;

	private final JsonMapper json;

	private final String namespace;

	private final Set<Thread> followers = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	KubernetesJobRunner(KubernetesClient client, KubernetesJobProperties properties, TrainingProperties training,
			JsonMapper json) {
		check(properties, training);
		this.client = client;
		this.properties = properties;
		this.training = training;
		this.json = json;
		this.namespace = properties.namespace().isBlank() ? client.getNamespace() : properties.namespace();
	}

	// A misconfigured runner would only fail at the first job: stop the service at
	// startup.
	private static void check(KubernetesJobProperties properties, TrainingProperties training) {
		if (properties.image().isBlank()) {
			throw new IllegalStateException("modelport.training.kubernetes.image must name the service's image");
		}
		if (properties.volumeClaim().isBlank()) {
			throw new IllegalStateException(
					"modelport.training.kubernetes.volume-claim must name the claim that holds the job folders");
		}
		if (!properties.mountPath().isAbsolute()) {
			throw new IllegalStateException(
					"modelport.training.kubernetes.mount-path must be absolute, was " + properties.mountPath());
		}
		Path workDir = training.workDir().toAbsolutePath().normalize();
		if (!workDir.startsWith(properties.mountPath())) {
			throw new IllegalStateException("modelport.training.work-dir (" + workDir
					+ ") must be under modelport.training.kubernetes.mount-path (" + properties.mountPath()
					+ "): the Jobs' pods see only that claim");
		}
	}

	/**
	 * The namespace the Jobs are created in.
	 * @return the namespace
	 */
	String namespace() {
		return this.namespace;
	}

	@Override
	public RunningWorker start(String jobId, Path jobDirectory, Listener listener) {
		Path directory = jobDirectory.toAbsolutePath().normalize();
		if (!directory.startsWith(this.properties.mountPath())) {
			throw new IllegalArgumentException(
					"the job folder " + directory + " is not on the claim mounted at " + this.properties.mountPath());
		}
		String name = TrainingJobManifest.name(jobId);
		Path events = directory.resolve(TrainingWorker.EVENTS_FILE);
		try {
			// A job resumed after a restart starts a fresh Job and a fresh event file.
			removeLeftover(name);
			Files.deleteIfExists(events);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot reset the events of job " + jobId, ex);
		}
		this.client.batch()
			.v1()
			.jobs()
			.inNamespace(this.namespace)
			.resource(TrainingJobManifest.build(this.properties, this.training, this.namespace, jobId, directory))
			.create();
		logger.info("Created Kubernetes Job " + this.namespace + "/" + name + " for training job " + jobId);
		JobFollower follower = new JobFollower(this, jobId, name, events, directory, listener);
		Thread thread = new Thread(() -> {
			try {
				follower.run();
			}
			finally {
				this.followers.remove(Thread.currentThread());
			}
		}, "training-job-" + jobId);
		thread.setDaemon(true);
		this.followers.add(thread);
		thread.start();
		return () -> cancel(name, follower);
	}

	private void removeLeftover(String name) {
		if (job(name).get() == null) {
			return;
		}
		logger.info("Deleting the leftover Kubernetes Job " + name + " of an earlier attempt");
		job(name).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
		if (!awaitGone(name, Duration.ofSeconds(60))) {
			throw new IllegalStateException("the leftover Kubernetes Job " + name + " was not deleted in 60 s");
		}
	}

	private void cancel(String name, JobFollower follower) {
		follower.cancelled();
		job(name).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
		// Foreground: the Job goes once its pod has stopped, which the pod's grace
		// bounds.
		if (!awaitGone(name, this.training.cancelGrace().plusSeconds(10))) {
			logger.warn("Kubernetes Job " + name + " is still being deleted");
		}
	}

	private boolean awaitGone(String name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (job(name).get() != null) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(this.properties.pollInterval().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Stops following: the service is stopping, and the client closes next. The Jobs the
	 * service did not cancel run on.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.followers.forEach(Thread::interrupt);
	}

	boolean closed() {
		return this.closed;
	}

	ScalableResource<Job> job(String name) {
		return this.client.batch().v1().jobs().inNamespace(this.namespace).withName(name);
	}

	KubernetesClient client() {
		return this.client;
	}

	KubernetesJobProperties properties() {
		return this.properties;
	}

	JsonMapper json() {
		return this.json;
	}

}
