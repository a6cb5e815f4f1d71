package io.modelport.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where CI's Docker engine came up ({@code -Dmodelport.docker.required=true}), the engine
 * must be reachable from the tests and the image built, so the container tests can never
 * turn into silent skips.
 *
 * @author Modelport Team
 */
@SlowTest
@EnabledIfSystemProperty(named = "modelport.docker.required", matches = "true")
class DockerEngineTests {

	@Test
	void engineIsReachableAndTheImageIsBuilt() {
		assertThat(DockerEnvironment.engineAvailable()).as("Docker engine reachable from the tests").isTrue();
		assertThat(DockerEnvironment.image()).as("-Dmodelport.docker.image").isNotBlank();
		assertThat(DockerEnvironment.imagePresent(DockerEnvironment.image())).as(DockerEnvironment.image()).isTrue();
	}

}
