package io.modelport.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.yaml.snakeyaml.Yaml;

import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the base and every overlay under {@code k8s/} with {@code kubectl kustomize}
 * and checks the output as a cluster would not: fabric8's models with no unknown field,
 * the Prometheus Operator resources' shape by hand, and the meaning: selectors that match
 * the pods, probes on the actuator groups, a grace period longer than the drain,
 * locked-down pods that write only to volumes, the autoscaler on CPU and queue depth,
 * alert rules equal to {@code monitoring/alerts.yml}, the GPU and training overlays.
 * KubernetesServedPathsTests checks the paths against the running service.
 *
 * @author Modelport Team
 */
@SlowTest
class KubernetesManifestsTests {

	private static final Path MONITORING = Kustomize.K8S.resolveSibling("monitoring");

	private static final Set<String> KINDS = Set.of("Deployment", "Service", "ConfigMap", "PersistentVolumeClaim",
			"HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule",
			"ServiceAccount", "Role", "RoleBinding");

	/** The labels KubernetesJobRunner gives a training Job's pods. */
	private static final Map<String, String> TRAINING_POD_LABELS = Map.of("app.kubernetes.io/name", "modelport",
			"app.kubernetes.io/component", "training-job", "app.kubernetes.io/managed-by", "modelport",
			"modelport.io/job-id", "0b8e1f9a-2f43-4d2c-9a53-1f0e4c7d9b21");

	private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:file:([^;]+)");

	private static List<Rendered> rendered;

	@BeforeAll
	static void render() throws Exception {
		rendered = Kustomize.renderAll();
	}

	@Test
	void everyKustomizationRendersKnownKindsWithoutUnknownFields() {
		assertThat(rendered).extracting(Rendered::name)
			.contains("base", "overlays/production", "overlays/training", "overlays/gpu");
		for (Rendered overlay : rendered) {
			Set<String> names = new HashSet<>();
			List<String> unknown = new ArrayList<>();
			for (HasMetadata resource : overlay.resources()) {
				assertThat(KINDS).as(overlay.name()).contains(resource.getKind());
				assertThat(names.add(resource.getKind() + "/" + resource.getMetadata().getName()))
					.as("%s: %s/%s is unique", overlay, resource.getKind(), resource.getMetadata().getName())
					.isTrue();
				unknown.addAll(UnknownFields.of(resource));
			}
			assertThat(unknown).as("fields the API does not know, in %s", overlay).isEmpty();
		}
	}

	@Test
	void selectorsMatchTheServingPodsAndNeverATrainingJobsPod() {
		for (Rendered overlay : rendered) {
			Map<String, String> pods = overlay.podLabels();
			assertThat(overlay.deployment().getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
			assertThat(pods).as(overlay.name())
				.containsAllEntriesOf(overlay.deployment().getSpec().getSelector().getMatchLabels());
			Service service = overlay.one(Service.class);
			assertThat(pods).as("%s: Service selector", overlay).containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(selects(service.getSpec().getSelector(), TRAINING_POD_LABELS)).as("%s: Service", overlay)
				.isFalse();
			service.getSpec()
				.getPorts()
				.forEach((port) -> assertThat(containerPort(overlay.container(), port.getTargetPort()))
					.as("%s: Service targetPort %s", overlay, port.getTargetPort())
					.isTrue());
			PodDisruptionBudget budget = overlay.one(PodDisruptionBudget.class);
			assertThat(pods).as("%s: PDB selector", overlay)
				.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
			assertThat(selects(budget.getSpec().getSelector().getMatchLabels(), TRAINING_POD_LABELS)).isFalse();
			NetworkPolicy policy = overlay.named(NetworkPolicy.class, "modelport");
			assertThat(pods).as("%s: NetworkPolicy selector", overlay)
				.containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
			policy.getSpec()
				.getIngress()
				.forEach((rule) -> rule.getPorts()
					.forEach((port) -> assertThat(containerPort(overlay.container(), port.getPort()))
						.as("%s: NetworkPolicy port %s", overlay, port.getPort())
						.isTrue()));
		}
	}

	@Test
	void probesAskTheActuatorHealthGroupsOnTheHttpPort() {
		for (Rendered overlay : rendered) {
			Container container = overlay.container();
			assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
					container.getReadinessProbe())) {
				assertThat(containerPort(container, probe.getHttpGet().getPort())).as(overlay.name()).isTrue();
			}
			Binder settings = overlay.settings();
			assertThat(settings.bind("management.endpoint.health.probes.enabled", Boolean.class).get()).isTrue();
			assertThat(settings.bind("management.endpoint.health.group.readiness.include", String.class).get())
				.contains("readinessState");
			assertThat(settings.bind("management.endpoint.health.group.liveness.include", String.class).get())
				.contains("livenessState");
		}
	}

	@Test
	void theGracePeriodOutlastsThePreStopSleepAndTheDrain() {
		for (Rendered overlay : rendered) {
			Binder settings = overlay.settings();
			assertThat(settings.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
			long preStop = overlay.container().getLifecycle().getPreStop().getSleep().getSeconds();
			Duration drain = Duration.ofSeconds(preStop)
				.plus(settings.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
					.orElse(Duration.ofSeconds(30)))
				.plus(settings.bind("modelport.runtime.drain-timeout", Duration.class).get())
				.plus(settings.bind("modelport.training.cancel-grace", Duration.class).get());
			assertThat(preStop).as("endpoints need time to drop the pod").isGreaterThanOrEqualTo(5);
			assertThat(Duration.ofSeconds(overlay.pod().getTerminationGracePeriodSeconds())).as(overlay.name())
				.isGreaterThan(drain);
		}
	}

	@Test
	void thePodsRunLockedDownAndWriteOnlyToVolumes() {
		for (Rendered overlay : rendered) {
			PodSecurityContext pod = overlay.pod().getSecurityContext();
			assertThat(pod.getRunAsNonRoot()).as(overlay.name()).isTrue();
			assertThat(pod.getRunAsUser()).as(overlay.name()).isPositive();
			assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			SecurityContext container = overlay.container().getSecurityContext();
			assertThat(container.getAllowPrivilegeEscalation()).as(overlay.name()).isFalse();
			assertThat(container.getReadOnlyRootFilesystem()).as(overlay.name()).isTrue();
			assertThat(container.getPrivileged()).isNotEqualTo(Boolean.TRUE);
			assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");

			Map<String, String> env = overlay.env();
			List<String> written = new ArrayList<>(
					List.of("/tmp", env.get("MODELPORT_STORE_LOCATION"), env.get("MODELPORT_TRAINING_WORK_DIR"),
							env.get("MODELPORT_DATASETS_LOCATION"), env.get("DJL_CACHE_DIR")));
			Matcher h2 = H2_FILE.matcher(env.getOrDefault("SPRING_DATASOURCE_URL", ""));
			assertThat(h2.find()).as("%s: the job store's file", overlay).isTrue();
			written.add(h2.group(1));
			for (String path : written) {
				assertThat(path).as("%s: a path the service writes is set explicitly", overlay).isNotNull();
				assertThat(writableMount(overlay, path)).as("%s: %s is on a writable volume", overlay, path).isTrue();
			}
			for (Volume volume : overlay.pod().getVolumes()) {
				if (volume.getPersistentVolumeClaim() != null) {
					overlay.named(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName());
				}
			}
			overlay.settingsFiles();
			assertThat(env.get("SPRING_CONFIG_ADDITIONAL_LOCATION"))
				.isEqualTo("optional:file:" + Rendered.CONFIG_ROOT + "*/");
		}
	}

	@Test
	void noSettingIsInTwoSettingsFiles() {
		for (Rendered overlay : rendered) {
			Set<String> seen = new HashSet<>();
			for (String text : overlay.settingsFiles().values()) {
				for (String key : keys("", new Yaml().load(text))) {
					assertThat(seen.add(key)).as("%s: %s is set twice", overlay, key).isTrue();
				}
			}
		}
	}

	@Test
	void resourcesAreRequestedWithinTheirLimits() {
		for (Rendered overlay : rendered) {
			Map<String, Quantity> requests = overlay.container().getResources().getRequests();
			Map<String, Quantity> limits = overlay.container().getResources().getLimits();
			for (String resource : List.of("cpu", "memory")) {
				assertThat(requests).as(overlay.name()).containsKey(resource);
				assertThat(limits).as(overlay.name()).containsKey(resource);
				assertThat(Quantity.getAmountInBytes(requests.get(resource)))
					.isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
			}
		}
	}

	@Test
	void theAutoscalerScalesTheDeploymentOnCpuAndQueueDepth() {
		for (Rendered overlay : rendered) {
			if (overlay.name().equals("overlays/training")) {
				assertThat(overlay.all(HorizontalPodAutoscaler.class)).isEmpty();
				assertThat(overlay.deployment().getSpec().getReplicas()).isEqualTo(1);
				continue;
			}
			HorizontalPodAutoscaler autoscaler = overlay.one(HorizontalPodAutoscaler.class);
			assertThat(autoscaler.getApiVersion()).isEqualTo("autoscaling/v2");
			var target = autoscaler.getSpec().getScaleTargetRef();
			assertThat(List.of(target.getApiVersion(), target.getKind(), target.getName()))
				.isEqualTo(List.of("apps/v1", "Deployment", overlay.deployment().getMetadata().getName()));
			assertThat(overlay.deployment().getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
			assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
			assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
			List<MetricSpec> metrics = autoscaler.getSpec().getMetrics();
			assertThat(metrics).anySatisfy((metric) -> {
				assertThat(metric.getType()).isEqualTo("Resource");
				assertThat(metric.getResource().getName()).isEqualTo("cpu");
				assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
			});
			assertThat(metrics).anySatisfy((metric) -> {
				assertThat(metric.getType()).isEqualTo("Pods");
				assertThat(metric.getPods().getMetric().getName()).startsWith("modelport_");
				assertThat(metric.getPods().getTarget().getType()).isEqualTo("AverageValue");
			});
		}
	}

	@Test
	void thePrometheusOperatorScrapesTheServiceAndEvaluatesTheAlertRules() throws IOException {
		Object alerts;
		try (Reader reader = Files.newBufferedReader(MONITORING.resolve("alerts.yml"), StandardCharsets.UTF_8)) {
			alerts = ((Map<?, ?>) new Yaml().load(reader)).get("groups");
		}
		Matcher jobs = Pattern.compile("job=\"([^\"]+)\"").matcher(Files.readString(MONITORING.resolve("alerts.yml")));
		for (Rendered overlay : rendered) {
			if (overlay.name().equals("base")) {
				assertThat(overlay.all(GenericKubernetesResource.class)).as("the base needs no CRD").isEmpty();
				continue;
			}
			Service service = overlay.one(Service.class);
			GenericKubernetesResource monitor = single(overlay.custom("ServiceMonitor"));
			assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
			Map<String, Object> spec = spec(monitor);
			assertThat(spec).containsOnlyKeys("selector", "endpoints");
			assertThat(service.getMetadata().getLabels()).as(overlay.name())
				.containsAllEntriesOf(stringMap(((Map<?, ?>) spec.get("selector")).get("matchLabels")));
			assertThat(stringMap(spec.get("selector")).keySet()).containsExactly("matchLabels");
			for (Object item : (List<?>) spec.get("endpoints")) {
				Map<String, String> endpoint = stringMap(item);
				assertThat(endpoint.keySet()).isSubsetOf("port", "path", "interval", "scrapeTimeout");
				assertThat(service.getSpec().getPorts())
					.anySatisfy((port) -> assertThat(port.getName()).isEqualTo(endpoint.get("port")));
				assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
			}
			// The operator names the job after the Service; the alert rules expect it.
			jobs.reset();
			while (jobs.find()) {
				assertThat(jobs.group(1)).isEqualTo(service.getMetadata().getName());
			}

			GenericKubernetesResource rule = single(overlay.custom("PrometheusRule"));
			assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
			assertThat(spec(rule)).containsOnlyKeys("groups");
			assertThat(spec(rule).get("groups"))
				.as("k8s/components/prometheus-operator/prometheus-rule.yaml is monitoring/alerts.yml: "
						+ "run scripts/generate-prometheus-rule.sh")
				.isEqualTo(alerts);
		}
	}

	@Test
	void theGpuOverlayServesOnANvidiaGpuAndTheOthersOnTheCpu() {
		for (Rendered overlay : rendered) {
			Map<String, Quantity> limits = overlay.container().getResources().getLimits();
			PodSpec pod = overlay.pod();
			if (!overlay.name().equals("overlays/gpu")) {
				assertThat(limits).as(overlay.name()).doesNotContainKey("nvidia.com/gpu");
				continue;
			}
			assertThat(Quantity.getAmountInBytes(limits.get("nvidia.com/gpu")).intValue()).isGreaterThanOrEqualTo(1);
			assertThat(pod.getNodeSelector()).isNotEmpty();
			assertThat(pod.getTolerations()).anySatisfy((t) -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
			assertThat(overlay.env().get("MODELPORT_RUNTIME_DEVICE")).startsWith("gpu");
		}
	}

	@Test
	void theTrainingOverlayRunsJobsWithItsOwnRoleAndClaim() {
		for (Rendered overlay : rendered) {
			if (!overlay.name().equals("overlays/training")) {
				assertThat(overlay.settings().bind("modelport.training.runner", String.class).orElse("process"))
					.isEqualTo("process");
				assertThat(overlay.all(Role.class)).isEmpty();
				assertThat(overlay.pod().getAutomountServiceAccountToken()).as(overlay.name()).isFalse();
				continue;
			}
			Binder settings = overlay.settings();
			assertThat(settings.bind("modelport.training.runner", String.class).get()).isEqualTo("kubernetes");
			String claim = settings.bind("modelport.training.kubernetes.volume-claim", String.class).get();
			String mountPath = settings.bind("modelport.training.kubernetes.mount-path", String.class).get();
			assertThat(overlay.named(PersistentVolumeClaim.class, claim).getSpec().getAccessModes())
				.as("Job pods may run on other nodes")
				.contains("ReadWriteMany");
			VolumeMount mount = overlay.container()
				.getVolumeMounts()
				.stream()
				.filter((m) -> m.getMountPath().equals(mountPath))
				.findFirst()
				.orElseThrow();
			assertThat(overlay.volume(mount.getName()).getPersistentVolumeClaim().getClaimName()).isEqualTo(claim);
			assertThat(overlay.env().get("MODELPORT_TRAINING_WORK_DIR")).startsWith(mountPath + "/");
			assertThat(overlay.env().get("MODELPORT_TRAINING_KUBERNETES_IMAGE"))
				.isEqualTo(overlay.container().getImage());
			assertThat(overlay.container().getEnv()).anySatisfy((variable) -> {
				assertThat(variable.getName()).isEqualTo("MODELPORT_TRAINING_KUBERNETES_NAMESPACE");
				assertThat(variable.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
			});
			assertThat(overlay.deployment().getSpec().getStrategy().getType()).isEqualTo("Recreate");

			String account = overlay.pod().getServiceAccountName();
			overlay.named(ServiceAccount.class, account);
			assertThat(overlay.pod().getAutomountServiceAccountToken()).isTrue();
			RoleBinding binding = overlay.one(RoleBinding.class);
			Role role = overlay.one(Role.class);
			assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
			assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
			assertThat(binding.getSubjects()).singleElement().satisfies((subject) -> {
				assertThat(subject.getKind()).isEqualTo("ServiceAccount");
				assertThat(subject.getName()).isEqualTo(account);
				assertThat(subject.getNamespace()).isEqualTo(overlay.deployment().getMetadata().getNamespace());
			});
			assertLimitedToJobs(role.getRules());

			NetworkPolicy jobs = overlay.named(NetworkPolicy.class, "modelport-training-jobs");
			assertThat(TRAINING_POD_LABELS).containsAllEntriesOf(jobs.getSpec().getPodSelector().getMatchLabels());
			assertThat(jobs.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(jobs.getSpec().getIngress()).isNullOrEmpty();
			assertThat(jobs.getSpec().getEgress()).isNullOrEmpty();
		}
	}

	// What KubernetesJobRunner calls, and nothing more: no wildcard, no other resource.
	private static void assertLimitedToJobs(List<PolicyRule> rules) {
		Map<String, Set<String>> allowed = Map.of("batch/jobs", Set.of("create", "get", "delete"), "/pods",
				Set.of("list"), "/pods/log", Set.of("get"));
		Set<String> granted = new HashSet<>();
		for (PolicyRule rule : rules) {
			assertThat(rule.getResourceNames()).isNullOrEmpty();
			for (String group : rule.getApiGroups()) {
				for (String resource : rule.getResources()) {
					String key = group + "/" + resource;
					assertThat(allowed).as("rule on %s", key).containsKey(key);
					assertThat(allowed.get(key)).as("verbs on %s", key).containsAll(rule.getVerbs());
					granted.add(key);
				}
			}
		}
		assertThat(granted).isEqualTo(allowed.keySet());
	}

	private static boolean writableMount(Rendered overlay, String path) {
		for (VolumeMount mount : overlay.container().getVolumeMounts()) {
			if ((path + "/").startsWith(mount.getMountPath() + "/") && !Boolean.TRUE.equals(mount.getReadOnly())) {
				Volume volume = overlay.volume(mount.getName());
				return volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null;
			}
		}
		return false;
	}

	private static boolean containerPort(Container container, IntOrString port) {
		for (ContainerPort candidate : container.getPorts()) {
			if ((port.getStrVal() != null) ? port.getStrVal().equals(candidate.getName())
					: port.getIntVal().equals(candidate.getContainerPort())) {
				return true;
			}
		}
		return false;
	}

	private static List<String> keys(String prefix, Object yaml) {
		List<String> keys = new ArrayList<>();
		if (yaml instanceof Map<?, ?> map) {
			map.forEach((key, value) -> keys.addAll(keys(prefix + key + ".", value)));
		}
		else {
			keys.add(prefix);
		}
		return keys;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> spec(GenericKubernetesResource resource) {
		return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
	}

	private static GenericKubernetesResource single(List<GenericKubernetesResource> resources) {
		assertThat(resources).hasSize(1);
		return resources.get(0);
	}

	private static Map<String, String> stringMap(Object value) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		((Map<?, ?>) value).forEach((key, item) -> map.put(String.valueOf(key), String.valueOf(item)));
		return map;
	}

	private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return labels.entrySet().containsAll(selector.entrySet());
	}

}
