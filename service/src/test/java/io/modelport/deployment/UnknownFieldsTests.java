package io.modelport.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unknown-field walk that KubernetesManifestsTests relies on finds what fabric8
 * quietly keeps.
 *
 * @author Modelport Team
 */
class UnknownFieldsTests {

	@Test
	void findsAFieldTheModelDoesNotKnowAtAnyDepth() {
		Deployment deployment = parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: modelport}
				spec:
				  selector: {matchLabels: {app: modelport}}
				  template:
				    metadata: {labels: {app: modelport}}
				    spec:
				      containers:
				        - name: modelport
				          image: modelport
				          livenessProbe:
				            httpGet: {path: /actuator/health/liveness, port: http, paht: /typo}
				          resources:
				            limit: {cpu: "1"}
				""");

		assertThat(UnknownFields.of(deployment)).containsExactlyInAnyOrder(
				"Deployment.Spec.Template.Spec.Containers[0].LivenessProbe.HttpGet: [paht]",
				"Deployment.Spec.Template.Spec.Containers[0].Resources: [limit]");
	}

	@Test
	void findsNothingInAValidManifest() {
		assertThat(UnknownFields.of(parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: modelport, labels: {app: modelport}}
				spec:
				  selector: {matchLabels: {app: modelport}}
				  template:
				    metadata: {labels: {app: modelport}}
				    spec:
				      containers:
				        - {name: modelport, image: modelport, resources: {limits: {cpu: "1"}}}
				"""))).isEmpty();
	}

	private static Deployment parse(String yaml) {
		return new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
				Deployment.class);
	}

}
