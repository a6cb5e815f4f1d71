package io.modelport.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that decides where models run and train. {@code auto} follows DJL: a GPU
 * when the PyTorch engine has CUDA and sees a device, otherwise the CPU. The CPU build
 * shipped by default never sees a GPU; see docs/deploying.md, "Other platforms and GPU",
 * for the CUDA libtorch route.
 *
 * @author Modelport Team
 */
public final class DeviceSelector {

	private DeviceSelector() {
	}

	/**
	 * Resolves a configured device name.
	 * @param name {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
	 * @return the device
	 * @throws IllegalArgumentException when the name is invalid or names a GPU the engine
	 * does not have
	 */
	public static Device select(String name) {
		String value = name.strip().toLowerCase(java.util.Locale.ROOT);
		if ("auto".equals(value)) {
			return Engine.getEngine("PyTorch").defaultDevice();
		}
		if ("cpu".equals(value)) {
			return Device.cpu();
		}
		if (value.equals("gpu") || value.startsWith("gpu:")) {
			int id = value.equals("gpu") ? 0 : parseId(value.substring(4));
			int gpus = Engine.getEngine("PyTorch").getGpuCount();
			if (id >= gpus) {
				throw new IllegalArgumentException(
						"device " + name + " requested but the engine sees " + gpus + " GPUs");
			}
			return Device.gpu(id);
		}
		throw new IllegalArgumentException("device must be auto, cpu, gpu or gpu:N, was " + name);
	}

	private static int parseId(String id) {
		try {
			return Integer.parseInt(id);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("invalid GPU index " + id, ex);
		}
	}

}
