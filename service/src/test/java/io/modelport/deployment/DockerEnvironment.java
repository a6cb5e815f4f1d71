package io.modelport.deployment;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker engine and the image under test. {@code modelport.docker.image} names an
 * image already built from the Dockerfile (tests never build or pull one);
 * {@code modelport.docker.required=true}, which {@code .ci/run} passes when its engine
 * came up, turns the skip of a missing engine or image into a failure.
 *
 * @author Modelport Team
 */
final class DockerEnvironment {

	private DockerEnvironment() {
	}

	static boolean required() {
		return Boolean.getBoolean("modelport.docker.required");
	}

	static String image() {
		return System.getProperty("modelport.docker.image", "");
	}

	static boolean engineAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	static boolean imagePresent(String image) {
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/**
	 * Skips the calling tests unless the engine is up and the image is built, or fails
	 * them when Docker is required.
	 * @return the image name
	 */
	static String assumeImage() {
		String image = image();
		boolean ready = !image.isBlank() && engineAvailable() && imagePresent(image);
		String reason = "no Docker engine or no image -Dmodelport.docker.image=" + image
				+ " (.ci/run builds it from the Dockerfile)";
		if (required()) {
			assertThat(ready).as(reason).isTrue();
		}
		Assumptions.assumeTrue(ready, reason);
		return image;
	}

}
