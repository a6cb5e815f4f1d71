package io.modelport.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DeviceSelector}.
 *
 * @author Modelport Team
 */
class DeviceSelectorTests {

	@Test
	void selectsTheCpu() {
		assertThat(DeviceSelector.select(" CPU ")).isEqualTo(Device.cpu());
	}

	@Test
	void autoFollowsTheEngine() {
		assertThat(DeviceSelector.select("auto")).isEqualTo(Engine.getEngine("PyTorch").defaultDevice());
	}

	@Test
	void refusesAGpuTheEngineDoesNotSee() {
		int gpus = Engine.getEngine("PyTorch").getGpuCount();
		assertThatIllegalArgumentException().isThrownBy(() -> DeviceSelector.select("gpu:" + gpus))
			.withMessageContaining("engine sees " + gpus + " GPUs");
	}

	@Test
	void refusesUnknownNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeviceSelector.select("tpu"));
		assertThatIllegalArgumentException().isThrownBy(() -> DeviceSelector.select("gpu:x"));
	}

}
