package io.modelport.deployment;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders the kustomizations under {@code k8s/} with {@code kubectl kustomize} (kubectl's
 * built-in kustomize; no cluster is contacted) and parses the output with fabric8. Tests
 * are skipped where kubectl is absent, unless {@code -Dmodelport.kubectl.required=true}
 * (CI sets it wherever kubectl is installed).
 *
 * @author Modelport Team
 */
final class Kustomize {

	/** The repository's {@code k8s} folder. */
	static final Path K8S = Path.of(System.getProperty("modelport.repository", ".."), "k8s");

	private Kustomize() {
	}

	/**
	 * The base and every overlay: each folder with a {@code kustomization.yaml} that is
	 * not a component.
	 * @return the folders, relative to {@code k8s/}
	 */
	static List<String> kustomizations() throws IOException {
		try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
			return Stream
				.concat(Stream.of("base"),
						overlays.filter((dir) -> Files.exists(dir.resolve("kustomization.yaml")))
							.map((dir) -> "overlays/" + dir.getFileName())
							.sorted())
				.toList();
		}
	}

	/**
	 * Renders the base and every overlay.
	 * @return the rendered kustomizations
	 */
	static List<Rendered> renderAll() throws IOException, InterruptedException {
		String kubectl = kubectl();
		List<Rendered> all = new ArrayList<>();
		for (String kustomization : kustomizations()) {
			all.add(new Rendered(kustomization, render(kubectl, kustomization)));
		}
		return all;
	}

	/**
	 * Renders one kustomization.
	 * @param kubectl the kubectl binary
	 * @param kustomization the folder, relative to {@code k8s/}
	 * @return the parsed resources
	 */
	static List<HasMetadata> render(String kubectl, String kustomization) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", K8S.resolve(kustomization).toString());
		// kubectl's default server is localhost:8080; kustomize needs none, so give it
		// none.
		builder.environment().put("KUBECONFIG", "/dev/null");
		Path errors = Files.createTempFile("kustomize", ".err");
		Process process = builder.redirectError(errors.toFile()).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + Files.readString(errors));
		}
		Files.delete(errors);
		return new KubernetesSerialization().unmarshal(new ByteArrayInputStream(output));
	}

	/**
	 * Finds kubectl on the PATH, or skips the test.
	 * @return the binary
	 */
	static String kubectl() {
		Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isPresent()) {
			return found.get().toString();
		}
		if (!Boolean.getBoolean("modelport.kubectl.required")) {
			Assumptions.abort("kubectl is not installed; skipping the Kubernetes manifest checks");
		}
		throw new AssertionError("kubectl is required (-Dmodelport.kubectl.required=true) but not on the PATH");
	}

}
