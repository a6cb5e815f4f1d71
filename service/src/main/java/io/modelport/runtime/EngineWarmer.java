package io.modelport.runtime;

import ai.djl.engine.Engine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Loads the PyTorch engine on a background thread as soon as the configuration is read,
 * before Spring builds the application context. Loading the native library and probing
 * for GPUs took a second or more on the main thread, which the context then waited for;
 * now it overlaps with the context's start, and the model loader finds the engine ready.
 * The intra-op thread count is set first, because the engine reads it once.
 *
 * @author Modelport Team
 */
public final class EngineWarmer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Log logger = LogFactory.getLog(EngineWarmer.class);

	private volatile Thread thread;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		int threads = environment.getProperty("modelport.runtime.intra-op-threads", Integer.class, 0);
		if (threads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		}
		Thread loader = new Thread(EngineWarmer::load, "engine-init");
		loader.setDaemon(true);
		loader.start();
		this.thread = loader;
	}

	/**
	 * The thread that loads the engine, once the event arrived.
	 * @return the thread, or {@code null}
	 */
	Thread thread() {
		return this.thread;
	}

	private static void load() {
		try {
			Engine.getEngine("PyTorch");
		}
		catch (RuntimeException | LinkageError ex) {
			// The model loader loads it again and reports the failure where it matters.
			logger.debug("Early engine load failed", ex);
		}
	}

}
