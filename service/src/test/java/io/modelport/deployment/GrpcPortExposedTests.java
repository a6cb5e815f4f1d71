package io.modelport.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The gRPC port (8081, {@code modelport.grpc.port}'s default) is published wherever the
 * HTTP port is: both images, the compose file, and the Kubernetes base and every overlay
 * (container port, Service port and NetworkPolicy ingress).
 *
 * @author Modelport Team
 */
class GrpcPortExposedTests {

	private static final Path ROOT = Kustomize.K8S.getParent();

	@Test
	void bothImagesExposeTheHttpAndGrpcPorts() throws IOException {
		for (String dockerfile : new String[] { "Dockerfile", "Dockerfile.gpu" }) {
			List<String> exposed = Files.readAllLines(ROOT.resolve(dockerfile))
				.stream()
				.filter((line) -> line.startsWith("EXPOSE "))
				.flatMap((line) -> List.of(line.substring("EXPOSE ".length()).trim().split("\\s+")).stream())
				.toList();
			assertThat(exposed).as(dockerfile).contains("8080", "8081");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void composePublishesTheGrpcPortOnLoopback() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		List<String> ports = (List<String>) ((Map<String, Object>) services.get("modelport")).get("ports");
		assertThat(ports).contains("127.0.0.1:${MODELPORT_PORT:-8080}:8080",
				"127.0.0.1:${MODELPORT_GRPC_HOST_PORT:-8081}:8081");
		// The GPU override inherits the ports rather than repeating them (a repeated
		// mapping would be published twice).
		Map<String, Object> gpu = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.gpu.yml")));
		assertThat((Map<String, Object>) ((Map<String, Object>) gpu.get("services")).get("modelport"))
			.doesNotContainKey("ports");
	}

	@Test
	void everyKustomizationServesTheGrpcPort() throws Exception {
		for (Rendered overlay : Kustomize.renderAll()) {
			assertThat(overlay.container().getPorts()).as(overlay.name())
				.extracting(ContainerPort::getName, ContainerPort::getContainerPort)
				.contains(tuple("http", 8080), tuple("grpc", 8081));
			Service service = overlay.one(Service.class);
			ServicePort grpc = service.getSpec()
				.getPorts()
				.stream()
				.filter((port) -> "grpc".equals(port.getName()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(overlay + ": the Service has no grpc port"));
			assertThat(grpc.getPort()).as(overlay.name()).isEqualTo(8081);
			assertThat(grpc.getTargetPort().getStrVal()).as(overlay.name()).isEqualTo("grpc");
			assertThat(grpc.getAppProtocol()).as(overlay.name()).isEqualTo("grpc");
			List<Object> allowed = overlay.named(NetworkPolicy.class, "modelport")
				.getSpec()
				.getIngress()
				.stream()
				.flatMap((rule) -> rule.getPorts().stream())
				.map(NetworkPolicyPort::getPort)
				.map((port) -> (Object) ((port.getStrVal() != null) ? port.getStrVal() : port.getIntVal()))
				.toList();
			assertThat(allowed).as(overlay.name()).contains("http", "grpc");
		}
	}

}
