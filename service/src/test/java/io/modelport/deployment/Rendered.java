package io.modelport.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rendered kustomization, with look-ups for the checks.
 *
 * @param name the folder, relative to {@code k8s/}
 * @param resources the parsed resources
 * @author Modelport Team
 */
record Rendered(String name, List<HasMetadata> resources) {

	/** Where the Deployment mounts each settings ConfigMap, one folder each. */
	static final String CONFIG_ROOT = "/etc/modelport/";

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> type) {
		List<T> found = all(type);
		assertThat(found).as("%s in %s", type.getSimpleName(), this.name).hasSize(1);
		return found.get(0);
	}

	List<GenericKubernetesResource> custom(String kind) {
		return all(GenericKubernetesResource.class).stream().filter((r) -> kind.equals(r.getKind())).toList();
	}

	<T extends HasMetadata> T named(Class<T> type, String name) {
		return all(type).stream()
			.filter((r) -> r.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " is not in " + this.name));
	}

	Deployment deployment() {
		return one(Deployment.class);
	}

	PodSpec pod() {
		return deployment().getSpec().getTemplate().getSpec();
	}

	Map<String, String> podLabels() {
		return deployment().getSpec().getTemplate().getMetadata().getLabels();
	}

	Container container() {
		return pod().getContainers()
			.stream()
			.filter((c) -> c.getName().equals("modelport"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no modelport container in " + this.name));
	}

	/**
	 * The container's plain environment values (not those from {@code valueFrom}).
	 * @return the values by name
	 */
	Map<String, String> env() {
		Map<String, String> env = new LinkedHashMap<>();
		for (EnvVar variable : container().getEnv()) {
			if (variable.getValue() != null) {
				env.put(variable.getName(), variable.getValue());
			}
		}
		return env;
	}

	/**
	 * The settings ConfigMaps the container mounts under {@link #CONFIG_ROOT}, by the
	 * folder each is mounted at.
	 * @return the {@code application.yaml} of each
	 */
	Map<String, String> settingsFiles() {
		Map<String, String> files = new LinkedHashMap<>();
		for (VolumeMount mount : container().getVolumeMounts()) {
			Volume volume = volume(mount.getName());
			if (volume.getConfigMap() != null) {
				assertThat(mount.getMountPath()).startsWith(CONFIG_ROOT);
				String folder = mount.getMountPath().substring(CONFIG_ROOT.length());
				assertThat(folder).as("a direct folder of " + CONFIG_ROOT).doesNotContain("/");
				ConfigMap map = named(ConfigMap.class, volume.getConfigMap().getName());
				assertThat(map.getData()).containsKey("application.yaml");
				files.put(folder, map.getData().get("application.yaml"));
			}
		}
		return files;
	}

	/**
	 * The service's settings as the pod sees them: its settings files over the
	 * application's defaults (environment variables aside).
	 * @return a binder over them
	 */
	Binder settings() {
		List<PropertySource<?>> sources = new ArrayList<>();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		try {
			// No key is in two files (KubernetesManifestsTests), so their order is moot.
			for (Map.Entry<String, String> file : settingsFiles().entrySet()) {
				sources.addAll(loader.load(file.getKey(),
						new ByteArrayResource(file.getValue().getBytes(StandardCharsets.UTF_8), file.getKey())));
			}
			sources.addAll(loader.load("defaults", new ClassPathResource("application.yaml")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources));
	}

	Volume volume(String name) {
		return pod().getVolumes()
			.stream()
			.filter((v) -> v.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("volume " + name + " is not in the pod of " + this.name));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
