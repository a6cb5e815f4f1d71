package io.modelport.jobs.kubernetes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

/**
 * fabric8's Kubernetes mock API server on 127.0.0.1, in CRUD mode (objects created
 * through the API are stored and served back) with expectations for what CRUD cannot
 * answer (pod logs). Nothing runs the Jobs: the tests play the Job controller and the
 * kubelet by writing the pods and statuses a cluster would.
 *
 * @author Modelport Team
 */
final class MockKubernetes implements AutoCloseable {

	private final KubernetesMockServer server;

	private final NamespacedKubernetesClient client;

	private MockKubernetes() {
		Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
				new KubernetesMixedDispatcher(responses), false);
		try {
			this.server.init(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
		this.client = this.server.createClient();
	}

	static MockKubernetes start() {
		return new MockKubernetes();
	}

	NamespacedKubernetesClient client() {
		return this.client;
	}

	Job job(String namespace, String name) {
		return this.client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
	}

	/**
	 * Plays the Job controller and the kubelet for a Job whose pod has ended: a pod with
	 * the worker's exit, its log, and the Job's status.
	 * @param job the Job
	 * @param exitCode the worker container's exit code
	 * @param reason the container's termination reason ({@code Completed}, {@code Error},
	 * {@code OOMKilled})
	 * @param log the pod's log
	 */
	void podEnded(Job job, int exitCode, String reason, String log) {
		String namespace = job.getMetadata().getNamespace();
		String podName = job.getMetadata().getName() + "-x7k2p";
		Pod pod = new PodBuilder().withNewMetadata()
			.withName(podName)
			.withNamespace(namespace)
			.withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
			.endMetadata()
			.withSpec(job.getSpec().getTemplate().getSpec())
			.build();
		this.client.pods().inNamespace(namespace).resource(pod).create();
		this.client.pods()
			.inNamespace(namespace)
			.withName(podName)
			.editStatus((p) -> new PodBuilder(p).withNewStatus()
				.withPhase((exitCode == 0) ? "Succeeded" : "Failed")
				.addNewContainerStatus()
				.withName(TrainingJobManifest.CONTAINER)
				.withNewState()
				.withNewTerminated()
				.withExitCode(exitCode)
				.withReason(reason)
				.endTerminated()
				.endState()
				.endContainerStatus()
				.endStatus()
				.build());
		this.server.expect()
			.get()
			.withPath("/api/v1/namespaces/" + namespace + "/pods/" + podName + "/log?pretty=false&container="
					+ TrainingJobManifest.CONTAINER + "&tailLines=500")
			.andReturn(200, log)
			.always();
		String condition = (exitCode == 0) ? "Complete" : "Failed";
		this.client.batch()
			.v1()
			.jobs()
			.inNamespace(namespace)
			.withName(job.getMetadata().getName())
			.editStatus((j) -> new JobBuilder(j).withNewStatus()
				.withSucceeded((exitCode == 0) ? 1 : 0)
				.withFailed((exitCode == 0) ? 0 : 1)
				.addNewCondition()
				.withType(condition)
				.withStatus("True")
				.withReason((exitCode == 0) ? null : "BackoffLimitExceeded")
				.endCondition()
				.endStatus()
				.build());
	}

	/**
	 * Fails a Job without a pod exit to read (the deadline passed, the pod never
	 * started).
	 * @param job the Job
	 * @param reason the condition's reason
	 * @param message the condition's message
	 */
	void jobFailed(Job job, String reason, String message) {
		this.client.batch()
			.v1()
			.jobs()
			.inNamespace(job.getMetadata().getNamespace())
			.withName(job.getMetadata().getName())
			.editStatus((j) -> new JobBuilder(j).withNewStatus()
				.withFailed(1)
				.addNewCondition()
				.withType("Failed")
				.withStatus("True")
				.withReason(reason)
				.withMessage(message)
				.endCondition()
				.endStatus()
				.build());
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
