package io.modelport.oip.grpc;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code modelport.grpc.enabled=false} leaves the gRPC port closed.
 *
 * @author Modelport Team
 */
class GrpcConfigurationTests {

	@Test
	void theOffSwitchCreatesNoServer() {
		new ApplicationContextRunner().withUserConfiguration(GrpcConfiguration.class)
			.withPropertyValues("modelport.grpc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GrpcServer.class));
	}

	@Test
	void portsOutOfRangeAreRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new GrpcProperties(true, 70000, null, 1, java.time.Duration.ofSeconds(1)))
			.withMessageContaining("modelport.grpc.port");
	}

}
