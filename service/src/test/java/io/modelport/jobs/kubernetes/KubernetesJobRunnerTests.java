package io.modelport.jobs.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.jobs.JobRunner;
import io.modelport.jobs.TrainingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The Kubernetes-Job runner against fabric8's mock API server (CRUD mode): the Job it
 * creates, how it follows the worker's events and the Job's status to the end, and
 * cancel. No cluster runs here, so the tests write the pods and statuses a cluster would.
 *
 * @author Modelport Team
 */
@Tag("integration")
class KubernetesJobRunnerTests {

	private static final String NAMESPACE = "training";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path mount;

	private MockKubernetes kubernetes;

	private KubernetesJobRunner runner;

	private String jobId;

	private Path jobDirectory;

	@BeforeEach
	void start() throws IOException {
		this.kubernetes = MockKubernetes.start();
		this.runner = runner(Map.of());
		this.jobId = UUID.randomUUID().toString();
		this.jobDirectory = Files.createDirectories(this.mount.resolve("jobs").resolve(this.jobId));
	}

	@AfterEach
	void stop() {
		this.runner.close();
		this.kubernetes.close();
	}

	@Test
	void createsTheJobWithTheImageArgumentsResourcesAndLabels() {
		this.runner = runner(Map.of("resources.requests.cpu", "2", "resources.requests.memory", "3Gi",
				"resources.limits.memory", "4Gi", "gpu-count", "1", "node-selector.[nvidia.com/gpu.present]", "true",
				"tolerations[0].key", "nvidia.com/gpu", "tolerations[0].operator", "Exists", "tolerations[0].effect",
				"NoSchedule", "labels.[app.kubernetes.io/part-of]", "modelport", "active-deadline", "2h"));
		this.runner.start(this.jobId, this.jobDirectory, new RecordingListener());

		Job job = this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId);
		assertThat(job).isNotNull();
		assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "modelport")
			.containsEntry("app.kubernetes.io/component", "training-job")
			.containsEntry("app.kubernetes.io/part-of", "modelport")
			.containsEntry("modelport.io/job-id", this.jobId);
		assertThat(job.getSpec().getBackoffLimit()).isZero();
		assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200);
		assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(job.getMetadata().getLabels());

		PodSpec pod = job.getSpec().getTemplate().getSpec();
		assertThat(pod.getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(3);
		assertThat(pod.getNodeSelector()).containsExactly(Map.entry("nvidia.com/gpu.present", "true"));
		assertThat(pod.getTolerations()).singleElement().satisfies((toleration) -> {
			assertThat(toleration.getKey()).isEqualTo("nvidia.com/gpu");
			assertThat(toleration.getOperator()).isEqualTo("Exists");
			assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
		});
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001);
		assertThat(pod.getVolumes()).anySatisfy((volume) -> {
			assertThat(volume.getName()).isEqualTo("data");
			assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("modelport-data");
		});

		Container container = pod.getContainers().get(0);
		assertThat(container.getImage()).isEqualTo("registry.example.com/modelport:1.2.0");
		assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
		assertThat(container.getCommand()).as("the image's entry point starts the worker").isEmpty();
		assertThat(container.getArgs()).containsExactly("train-worker",
				this.jobDirectory.resolve("spec.json").toString(),
				this.jobDirectory.resolve("events.jsonl").toString());
		assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
			.contains(org.assertj.core.groups.Tuple.tuple("JAVA_TOOL_OPTIONS",
					"-Xmx768m -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -XX:+UseSerialGC"));
		assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("2"))
			.containsEntry("memory", new Quantity("3Gi"));
		assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("4Gi"))
			.containsEntry("nvidia.com/gpu", new Quantity("1"));
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getVolumeMounts()).anySatisfy((mount) -> {
			assertThat(mount.getName()).isEqualTo("data");
			assertThat(mount.getMountPath()).isEqualTo(this.mount.toString());
		});
	}

	@Test
	void relaysTheWorkersEventsAndFollowsTheJobToSuccess() throws Exception {
		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);
		appendEvents("{\"event\":\"started\",\"device\":\"cpu()\",\"pid\":1}\n{\"event\":\"epoch\",\"result\":{\"epo");
		await().atMost(TIMEOUT).until(() -> listener.eventNames().contains("started"));
		assertThat(listener.eventNames()).as("half a line waits for its end").containsExactly("started");

		appendEvents("ch\":1}}\n{\"event\":\"finished\",\"testAccuracy\":0.9}\n");
		Job job = this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId);
		this.kubernetes.podEnded(job, 0, "Completed", "Epoch 1\n" + "@@modelport-event {}\n" + "done\n");

		RecordingListener.Exit exit = listener.awaitExit(TIMEOUT);
		assertThat(exit.code()).isZero();
		assertThat(exit.logTail()).isEqualTo("Epoch 1\ndone");
		assertThat(listener.eventNames()).containsExactly("started", "epoch", "finished");
		assertThat(listener.events().get(1).get("result")).isEqualTo(Map.of("epoch", 1));
		assertThat(this.jobDirectory.resolve("worker.log")).hasContent("Epoch 1\ndone");
	}

	@Test
	void aFailedWorkerReportsItsExitCodeAndItsOwnReason() throws Exception {
		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);
		appendEvents("{\"event\":\"failed\",\"reason\":\"data set 'x' has no test split\"}\n");
		this.kubernetes.podEnded(this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId), 2, "Error",
				"java.lang.IllegalStateException: data set 'x' has no test split\n");

		RecordingListener.Exit exit = listener.awaitExit(TIMEOUT);
		assertThat(exit.code()).isEqualTo(2);
		assertThat(exit.logTail()).contains("no test split");
		assertThat(listener.events())
			.containsExactly(Map.of("event", "failed", "reason", "data set 'x' has no test split"));
	}

	@Test
	void aPodKilledForMemoryIsReportedAsSuch() throws Exception {
		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);
		this.kubernetes.podEnded(this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId), 137, "OOMKilled", "");

		assertThat(listener.awaitExit(TIMEOUT).code()).isEqualTo(137);
		assertThat(listener.events()).singleElement()
			.satisfies((event) -> assertThat(event.get("reason").toString()).contains("OOMKilled"));
	}

	@Test
	void aJobThatFailsWithoutAPodExitReportsTheJobsReason() throws Exception {
		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);
		this.kubernetes.jobFailed(this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId), "DeadlineExceeded",
				"Job was active longer than specified deadline");

		assertThat(listener.awaitExit(TIMEOUT).code()).isEqualTo(1);
		assertThat(listener.events()).containsExactly(Map.of("event", "failed", "reason",
				"the Kubernetes Job failed: DeadlineExceeded (Job was active longer than specified deadline)"));
	}

	@Test
	void cancelDeletesTheJob() throws Exception {
		RecordingListener listener = new RecordingListener();
		JobRunner.RunningWorker worker = this.runner.start(this.jobId, this.jobDirectory, listener);
		assertThat(this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId)).isNotNull();

		worker.cancel();

		assertThat(this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId)).isNull();
		assertThat(listener.awaitExit(TIMEOUT).code()).isEqualTo(143);
		assertThat(listener.events()).as("a cancelled job is not a failure").isEmpty();
	}

	@Test
	void aJobDeletedByHandFailsTheTrainingJob() throws Exception {
		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);
		this.kubernetes.client()
			.batch()
			.v1()
			.jobs()
			.inNamespace(NAMESPACE)
			.withName("modelport-train-" + this.jobId)
			.delete();

		assertThat(listener.awaitExit(TIMEOUT).code()).isEqualTo(1);
		assertThat(listener.events()).containsExactly(Map.of("event", "failed", "reason",
				"the Kubernetes Job modelport-train-" + this.jobId + " was deleted"));
	}

	@Test
	void aResumedJobReplacesTheJobAndTheEventsOfItsEarlierAttempt() throws Exception {
		JobRunner.RunningWorker first = this.runner.start(this.jobId, this.jobDirectory, new RecordingListener());
		appendEvents("{\"event\":\"started\",\"device\":\"cpu()\"}\n");
		String uid = this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId).getMetadata().getUid();

		RecordingListener listener = new RecordingListener();
		this.runner.start(this.jobId, this.jobDirectory, listener);

		Job job = this.kubernetes.job(NAMESPACE, "modelport-train-" + this.jobId);
		assertThat(job.getMetadata().getUid()).isNotEqualTo(uid);
		assertThat(this.jobDirectory.resolve("events.jsonl")).doesNotExist();
		this.kubernetes.podEnded(job, 0, "Completed", "");
		assertThat(listener.awaitExit(TIMEOUT).code()).isZero();
		assertThat(listener.events()).isEmpty();
		first.cancel();
	}

	@Test
	void refusesAJobFolderOutsideTheClaim(@TempDir Path elsewhere) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.runner.start(this.jobId, elsewhere, new RecordingListener()))
			.withMessageContaining("is not on the claim mounted at " + this.mount);
		assertThat(this.kubernetes.client().batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
	}

	@Test
	void refusesToStartMisconfigured(@TempDir Path elsewhere) {
		assertThatIllegalStateException().isThrownBy(() -> runner(Map.of("image", "")))
			.withMessageContaining("modelport.training.kubernetes.image");
		assertThatIllegalStateException().isThrownBy(() -> runner(Map.of("volume-claim", "")))
			.withMessageContaining("volume-claim");
		assertThatIllegalStateException().isThrownBy(() -> runner(Map.of("mount-path", elsewhere.toString())))
			.withMessageContaining("must be under modelport.training.kubernetes.mount-path");
	}

	private void appendEvents(String text) throws IOException {
		Files.writeString(this.jobDirectory.resolve("events.jsonl"), text, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private KubernetesJobRunner runner(Map<String, String> overrides) {
		Map<String, String> settings = new HashMap<>();
		settings.put("namespace", NAMESPACE);
		settings.put("image", "registry.example.com/modelport:1.2.0");
		settings.put("volume-claim", "modelport-data");
		settings.put("mount-path", this.mount.toString());
		settings.put("poll-interval", "20ms");
		settings.putAll(overrides);
		Map<String, String> source = new HashMap<>();
		settings.forEach((key, value) -> source.put("modelport.training.kubernetes." + key, value));
		KubernetesJobProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bindOrCreate("modelport.training.kubernetes", KubernetesJobProperties.class);
		TrainingProperties training = new TrainingProperties(this.mount.resolve("jobs"), 1, 100, "768m",
				"-XX:+UseSerialGC", Duration.ofSeconds(3), 3, "if-better");
		return new KubernetesJobRunner(this.kubernetes.client(), properties, training, JsonMapper.builder().build());
	}

}
