package io.modelport.runtime;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EngineWarmer}.
 *
 * @author Modelport Team
 */
class EngineWarmerTests {

	@Test
	void loadsTheEngineOnABackgroundThreadAndKeepsAnExplicitThreadCount() throws Exception {
		String before = System.getProperty("ai.djl.pytorch.num_threads");
		MockEnvironment environment = new MockEnvironment().withProperty("modelport.runtime.intra-op-threads", "7");
		ConfigurableBootstrapContext bootstrap = new DefaultBootstrapContext();
		EngineWarmer warmer = new EngineWarmer();
		warmer.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, new SpringApplication(),
				new String[0], environment));
		Thread thread = warmer.thread();
		assertThat(thread.getName()).isEqualTo("engine-init");
		assertThat(thread.isDaemon()).isTrue();
		thread.join(120_000);
		assertThat(thread.isAlive()).isFalse();
		assertThat(Engine.getEngine("PyTorch").getEngineName()).isEqualTo("PyTorch");
		// The test JVM sets one thread explicitly (Surefire); configuration never
		// overrides it.
		assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo(before);
	}

}
