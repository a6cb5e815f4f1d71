package io.modelport.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.store.ModelStore;
import io.modelport.store.ModelStoreProperties;
import io.modelport.store.StoredModel;

/**
 * Owns every loaded model. At startup it scans the store and loads all versions in
 * parallel without blocking startup (readiness reports the progress); a version that
 * fails is recorded as FAILED with its reason and never affects the others. A reload
 * rescans one model folder: new versions load beside the serving one, failed versions are
 * retried, versions whose folder is gone are unloaded.
 *
 * @author Modelport Team
 */
public class ModelRegistry implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ModelRegistry.class);

	private static final Duration LOADING_RETRY = Duration.ofSeconds(5);

	static final Duration FAILED_RETRY = Duration.ofSeconds(60);

	private final ModelStore store;

	private final ModelStoreProperties properties;

	private final Map<String, RegisteredModel> models = new ConcurrentHashMap<>();

	private final VersionLoader loader;

	private final VersionPromotion promotion;

	private volatile boolean running;

	public ModelRegistry(ModelStore store, ModelLoader loader, ModelStoreProperties properties, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.loader = new VersionLoader(loader, meters, properties.loadParallelism(), () -> this.running);
		this.promotion = new VersionPromotion(store, properties, this.loader);
	}

	@Override
	public void start() {
		// A stopped registry can be started again (Spring pauses cached test contexts
		// this way): every model is loaded afresh.
		this.loader.restartIfStopped();
		this.running = true;
		List<StoredModel> stored = this.store.scan();
		// The device is not named here: choosing it waits for the engine, which may still
		// be loading in the background, and this runs on the thread building the context.
		logger.info("Loading " + stored.size() + " models from " + this.store.location());
		stored.forEach(this::synchronize);
	}

	@Override
	public void stop() {
		this.running = false;
		this.loader.shutdown();
		this.models.values().forEach((model) -> model.versions().forEach(ModelVersion::unload));
		this.promotion.closeRetiring();
		// Unloaded versions keep no model; a later start must not find them READY.
		this.models.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Start before the web server and the training scheduler, stop after them.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * All registered models, sorted by name.
	 * @return the models
	 */
	public List<RegisteredModel> models() {
		return this.models.values().stream().sorted(Comparator.comparing(RegisteredModel::name)).toList();
	}

	/**
	 * Finds a model by name.
	 * @param name the model name
	 * @return the model
	 * @throws ModelNotFoundException when there is none
	 */
	public RegisteredModel find(String name) {
		RegisteredModel model = this.models.get(name);
		if (model == null) {
			throw ModelNotFoundException.unknown(name, this.models.keySet());
		}
		return model;
	}

	/**
	 * Finds the loaded model that serves a request.
	 * @param name the model name
	 * @param version the version, or {@code null} for the default version
	 * @return the loaded model
	 * @throws ModelNotFoundException when the model or version does not exist
	 * @throws ModelNotReadyException when the version is loading or failed
	 */
	public LoadedModel resolve(String name, Integer version) {
		ModelVersion target = version(name, version);
		String label = "model '" + name + "' version " + target.version();
		if (target.state() == ModelState.FAILED) {
			throw new ModelNotReadyException(label + " failed to load: " + target.failureReason(), FAILED_RETRY);
		}
		if (target.state() == ModelState.UNLOADED) {
			throw new ModelNotFoundException(
					label + " is not loaded: a newer default replaced it; promote it to serve it again");
		}
		LoadedModel loaded = target.loaded();
		if (target.state() != ModelState.READY || loaded == null) {
			throw new ModelNotReadyException(label + " is still loading", LOADING_RETRY);
		}
		return loaded;
	}

	/**
	 * Finds the version a request names, in whatever state it is.
	 * @param name the model name
	 * @param version the version, or {@code null} for the default version
	 * @return the version
	 * @throws ModelNotFoundException when the model or version does not exist
	 */
	public ModelVersion version(String name, Integer version) {
		RegisteredModel model = find(name);
		ModelVersion target = (version != null) ? model.version(version) : model.defaultVersion();
		if (target == null) {
			throw new ModelNotFoundException((version != null) ? "model '" + name + "' has no version " + version
					: "model '" + name + "' has no versions");
		}
		return target;
	}

	/**
	 * Whether the service is ready: running, with every required model READY.
	 * @return {@code true} when ready
	 */
	public boolean requiredModelsReady() {
		return this.running && models().stream().filter(RegisteredModel::required).allMatch(RegisteredModel::ready);
	}

	/**
	 * Rescans one model folder and waits until its new versions have loaded or failed.
	 * @param name the model name
	 * @return the model after the reload
	 * @throws ModelNotFoundException when the folder does not exist
	 */
	public RegisteredModel reload(String name) {
		StoredModel stored = this.store.find(name).orElse(null);
		if (stored == null) {
			RegisteredModel gone = this.models.remove(name);
			if (gone != null) {
				gone.versions().forEach(ModelVersion::unload);
			}
			throw new ModelNotFoundException("model '" + name + "' does not exist in the store");
		}
		List<CompletableFuture<Void>> loads = synchronize(stored);
		try {
			CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
				.get(this.properties.reloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Reload of " + name + " did not finish in " + this.properties.reloadTimeout());
		}
		return find(name);
	}

	/**
	 * Makes a version the model's default, persistently (pinned in {@code model.yaml}).
	 * An UNLOADED version is loaded and warmed up first, beside the serving one. The
	 * default flips atomically; then, unless configured otherwise, the version it
	 * replaced is unloaded: after a grace period for requests that resolved it just
	 * before the flip, its queued requests finish and its memory is freed.
	 * @param name the model name
	 * @param version the version
	 * @return the model after the change
	 * @throws ModelNotFoundException when the model or version does not exist
	 * @throws ModelNotReadyException when the version is not READY
	 */
	public synchronized RegisteredModel promote(String name, int version) {
		return this.promotion.promote(find(name), version);
	}

	/**
	 * Waits until no version is LOADING.
	 * @param timeout the longest wait
	 * @return {@code true} when every version has settled
	 */
	public boolean awaitLoaded(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			boolean loading = this.models.values()
				.stream()
				.flatMap((model) -> model.versions().stream())
				.anyMatch((version) -> version.state() == ModelState.LOADING);
			if (!loading) {
				return true;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private synchronized List<CompletableFuture<Void>> synchronize(StoredModel stored) {
		RegisteredModel model = this.models.computeIfAbsent(stored.name(), (name) -> new RegisteredModel(name,
				stored.settings(), this.properties.requiredModels().contains(name)));
		model.settings(stored.settings());
		List<CompletableFuture<Void>> loads = new ArrayList<>();
		for (Integer number : stored.versions().keySet()) {
			ModelVersion existing = model.version(number);
			if (existing == null) {
				ModelVersion version = new ModelVersion(number);
				model.versionMap().put(number, version);
				loads.add(loadAsync(stored, version));
			}
			else if (existing.state() == ModelState.FAILED) {
				existing.retry();
				loads.add(loadAsync(stored, existing));
			}
		}
		for (Integer number : List.copyOf(model.versionMap().keySet())) {
			if (!stored.versions().containsKey(number)) {
				logger.info("Unloading " + stored.name() + " version " + number + ": its folder is gone");
				model.versionMap().remove(number).unload();
			}
		}
		return loads;
	}

	private CompletableFuture<Void> loadAsync(StoredModel stored, ModelVersion version) {
		return this.loader.loadAsync(stored, version);
	}

}
