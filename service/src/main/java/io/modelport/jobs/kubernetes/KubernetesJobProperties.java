package io.modelport.jobs.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kubernetes-Job runner ({@code modelport.training.kubernetes.*}), read
 * only when {@code modelport.training.runner=kubernetes}. Map keys holding dots or
 * slashes (labels, node selectors) are written in brackets:
 * {@code "[nvidia.com/gpu.present]"}.
 *
 * @param namespace where the Jobs are created; blank for the client's own namespace
 * @param image the image of the Jobs' pods: the service's own image, whose entry point
 * starts the training worker
 * @param imagePullPolicy the pods' image pull policy
 * @param serviceAccount the pods' service account; blank for the namespace's default (the
 * worker never calls the API, and its token is not mounted)
 * @param resources the worker container's requests and limits
 * @param gpuCount GPUs each worker asks for, 0 for none
 * @param gpuResource the extended resource that counts GPUs
 * @param nodeSelector node labels the pods must match
 * @param tolerations taints the pods tolerate
 * @param volumeClaim the persistent volume claim that holds the job folders
 * @param mountPath where that claim is mounted, in the service and in the pods alike; the
 * service's {@code modelport.training.work-dir} must be under it
 * @param labels extra labels of the Jobs and their pods
 * @param ttlAfterFinished how long a finished Job stays before Kubernetes deletes it
 * @param backoffLimit how many times Kubernetes retries a failed pod (the service resumes
 * interrupted jobs itself)
 * @param activeDeadline the longest a Job may run, or {@code null} for no limit
 * @param runAsUser the numeric user (and group) of the pods, which run as non-root
 * @param pollInterval how often a running Job's status and events are read
 * @author Modelport Team
 */
@ConfigurationProperties("modelport.training.kubernetes")
record KubernetesJobProperties(@DefaultValue("") String namespace, @DefaultValue("") String image,
		@DefaultValue("IfNotPresent") String imagePullPolicy, @DefaultValue("") String serviceAccount,
		@DefaultValue Resources resources, @DefaultValue("0") int gpuCount,
		@DefaultValue("nvidia.com/gpu") String gpuResource, Map<String, String> nodeSelector,
		List<Toleration> tolerations, @DefaultValue("") String volumeClaim,
		@DefaultValue("/var/lib/modelport") Path mountPath, Map<String, String> labels,
		@DefaultValue("1h") Duration ttlAfterFinished, @DefaultValue("0") int backoffLimit, Duration activeDeadline,
		@DefaultValue("10001") long runAsUser, @DefaultValue("2s") Duration pollInterval) {

	KubernetesJobProperties {
		nodeSelector = (nodeSelector != null) ? Map.copyOf(nodeSelector) : Map.of();
		tolerations = (tolerations != null) ? List.copyOf(tolerations) : List.of();
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
	}

	/**
	 * The worker container's resources, as Kubernetes quantities ({@code cpu: "2"},
	 * {@code memory: 4Gi}).
	 *
	 * @param requests what the scheduler reserves
	 * @param limits the most the container may use
	 * @author Modelport Team
	 */
	record Resources(Map<String, String> requests, Map<String, String> limits) {

		Resources {
			requests = (requests != null) ? Map.copyOf(requests) : Map.of();
			limits = (limits != null) ? Map.copyOf(limits) : Map.of();
		}

	}

	/**
	 * A toleration of the pods, as in a pod spec.
	 *
	 * @param key the taint key, or {@code null} with operator {@code Exists} for all
	 * @param operator {@code Equal} or {@code Exists}
	 * @param value the taint value for {@code Equal}
	 * @param effect {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}, or
	 * {@code null} for all
	 * @param tolerationSeconds how long a {@code NoExecute} taint is tolerated
	 * @author Modelport Team
	 */
	record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {

	}

}
