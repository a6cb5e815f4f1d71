package io.modelport.jobs.kubernetes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import io.modelport.jobs.TrainingProperties;
import io.modelport.jobs.worker.TrainingWorker;

/**
 * The Kubernetes Job of one training job: the service's image started in worker mode on
 * the job's folder, which lies on the shared claim at the same path as in the service.
 * The pod is locked down like the service's (non-root, read-only root file system, no
 * capabilities, no API token) and writes only to the claim and an emptyDir {@code /tmp}.
 *
 * @author Modelport Team
 */
final class TrainingJobManifest {

	/** The label that carries the training job's id, on the Job and its pods. */
	static final String JOB_ID_LABEL = "modelport.io/job-id";

	/** The worker's container name. */
	static final String CONTAINER = "worker";

	private static final String NAME_PREFIX = "modelport-train-";

	private TrainingJobManifest() {
	}

	/**
	 * The Job's name for a training job: a valid DNS label of at most 63 characters.
	 * @param jobId the training job's id
	 * @return the name
	 */
	static String name(String jobId) {
		String name = NAME_PREFIX + jobId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		return (name.length() <= 63) ? name : name.substring(0, 63);
	}

	/**
	 * The labels of the Job and its pods.
	 * @param properties the runner settings (extra labels)
	 * @param jobId the training job's id
	 * @return the labels
	 */
	static Map<String, String> labels(KubernetesJobProperties properties, String jobId) {
		Map<String, String> labels = new LinkedHashMap<>(properties.labels());
		labels.put("app.kubernetes.io/name", "modelport");
		labels.put("app.kubernetes.io/component", "training-job");
		labels.put("app.kubernetes.io/managed-by", "modelport");
		labels.put(JOB_ID_LABEL, jobId);
		return labels;
	}

	/**
	 * Builds the Job.
	 * @param properties the runner settings
	 * @param training the training settings (worker heap and JVM options, cancel grace)
	 * @param namespace the namespace
	 * @param jobId the training job's id
	 * @param jobDirectory the job's folder, absolute, under the mount path
	 * @return the Job
	 */
	static Job build(KubernetesJobProperties properties, TrainingProperties training, String namespace, String jobId,
			Path jobDirectory) {
		Map<String, String> labels = labels(properties, jobId);
		long user = properties.runAsUser();
		return new JobBuilder().withNewMetadata()
			.withName(name(jobId))
			.withNamespace(namespace)
			.withLabels(labels)
			.addToAnnotations("modelport.io/job-directory", jobDirectory.toString())
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(properties.backoffLimit())
			.withTtlSecondsAfterFinished((int) properties.ttlAfterFinished().toSeconds())
			.withActiveDeadlineSeconds(
					(properties.activeDeadline() != null) ? properties.activeDeadline().toSeconds() : null)
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withRestartPolicy("Never")
			.withServiceAccountName(properties.serviceAccount().isBlank() ? null : properties.serviceAccount())
			.withAutomountServiceAccountToken(false)
			// Cancel deletes the Job: SIGTERM, then SIGKILL after the cancel grace.
			.withTerminationGracePeriodSeconds(Math.max(1, training.cancelGrace().toSeconds()))
			.withNodeSelector(properties.nodeSelector().isEmpty() ? null : properties.nodeSelector())
			.withTolerations(tolerations(properties))
			.withNewSecurityContext()
			.withRunAsNonRoot(true)
			.withRunAsUser(user)
			.withRunAsGroup(user)
			.withFsGroup(user)
			.withNewSeccompProfile()
			.withType("RuntimeDefault")
			.endSeccompProfile()
			.endSecurityContext()
			.addNewContainer()
			.withName(CONTAINER)
			.withImage(properties.image())
			.withImagePullPolicy(properties.imagePullPolicy())
			.withArgs(TrainingWorker.MODE, jobDirectory.resolve(TrainingWorker.SPEC_FILE).toString(),
					jobDirectory.resolve(TrainingWorker.EVENTS_FILE).toString())
			.withEnv(new EnvVar("JAVA_TOOL_OPTIONS", jvmOptions(training), null),
					// The natives are extracted on the pod's only writable scratch space.
					new EnvVar("DJL_CACHE_DIR", "/tmp/djl", null))
			.withResources(new ResourceRequirementsBuilder().withRequests(quantities(properties.resources().requests()))
				.withLimits(limits(properties))
				.build())
			.withNewSecurityContext()
			.withAllowPrivilegeEscalation(false)
			.withReadOnlyRootFilesystem(true)
			.withNewCapabilities()
			.withDrop("ALL")
			.endCapabilities()
			.endSecurityContext()
			.withVolumeMounts(
					new VolumeMountBuilder().withName("data").withMountPath(properties.mountPath().toString()).build(),
					new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build())
			.endContainer()
			.withVolumes(new VolumeBuilder().withName("data")
				.withNewPersistentVolumeClaim()
				.withClaimName(properties.volumeClaim())
				.endPersistentVolumeClaim()
				.build(), new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build())
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	// The local runner's flags, through the image's entry point.
	private static String jvmOptions(TrainingProperties training) {
		String options = "-Xmx" + training.workerHeap() + " -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true";
		return training.workerJvmOptions().isBlank() ? options : options + " " + training.workerJvmOptions().strip();
	}

	private static Map<String, Quantity> limits(KubernetesJobProperties properties) {
		Map<String, Quantity> limits = quantities(properties.resources().limits());
		if (properties.gpuCount() > 0) {
			limits.put(properties.gpuResource(), new Quantity(Integer.toString(properties.gpuCount())));
		}
		return limits;
	}

	private static Map<String, Quantity> quantities(Map<String, String> values) {
		Map<String, Quantity> quantities = new LinkedHashMap<>();
		values.forEach((name, value) -> quantities.put(name, new Quantity(value)));
		return quantities;
	}

	private static List<Toleration> tolerations(KubernetesJobProperties properties) {
		return properties.tolerations()
			.stream()
			.map((t) -> new TolerationBuilder().withKey(t.key())
				.withOperator(t.operator())
				.withValue(t.value())
				.withEffect(t.effect())
				.withTolerationSeconds(t.tolerationSeconds())
				.build())
			.toList();
	}

}
