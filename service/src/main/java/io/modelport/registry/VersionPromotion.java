package io.modelport.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelSettings;
import io.modelport.store.ModelStore;
import io.modelport.store.ModelStoreProperties;
import io.modelport.store.StoredModel;

/**
 * Switches a model's default version: loads an UNLOADED target again, pins the new
 * default in {@code model.yaml} and retires the version it replaced after a grace period.
 *
 * @author Modelport Team
 */
final class VersionPromotion {

	private static final Log logger = LogFactory.getLog(VersionPromotion.class);

	private final ModelStore store;

	private final ModelStoreProperties properties;

	private final VersionLoader loader;

	private final Map<ModelVersion, LoadedModel> retiring = new ConcurrentHashMap<>();

	VersionPromotion(ModelStore store, ModelStoreProperties properties, VersionLoader loader) {
		this.store = store;
		this.properties = properties;
		this.loader = loader;
	}

	RegisteredModel promote(RegisteredModel model, int version) {
		String name = model.name();
		ModelVersion target = model.version(version);
		if (target == null) {
			throw new ModelNotFoundException("model '" + name + "' has no version " + version);
		}
		if (target.state() == ModelState.UNLOADED) {
			loadAgain(name, target);
		}
		if (target.state() != ModelState.READY) {
			String reason = (target.failureReason() != null) ? " (" + target.failureReason() + ")" : "";
			throw new ModelNotReadyException("model '" + name + "' version " + version + " is " + target.state()
					+ reason + " and cannot be promoted", ModelRegistry.FAILED_RETRY);
		}
		ModelVersion replaced = model.defaultVersion();
		try {
			ModelSettings.writeDefaultVersion(this.store.location().resolve(name), version);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the settings of model '" + name + "'", ex);
		}
		this.store.find(name).ifPresent((stored) -> model.settings(stored.settings()));
		logger.info("Model " + name + " now serves version " + version + " by default");
		if (this.properties.unloadReplaced() && replaced != null && replaced != target
				&& replaced.state() == ModelState.READY) {
			retire(name, replaced);
		}
		return model;
	}

	private void loadAgain(String name, ModelVersion version) {
		StoredModel stored = this.store.find(name)
			.orElseThrow(() -> new ModelNotFoundException("model '" + name + "' does not exist in the store"));
		// Its meters carry the same tags: the copy still draining must be gone first.
		LoadedModel draining = this.retiring.remove(version);
		if (draining != null) {
			draining.close();
		}
		version.retry();
		try {
			this.loader.loadAsync(stored, version)
				.get(this.properties.reloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Loading " + name + " version " + version.version() + " again did not finish in "
					+ this.properties.reloadTimeout());
		}
	}

	private void retire(String name, ModelVersion replaced) {
		LoadedModel old = replaced.retire();
		if (old == null) {
			return;
		}
		this.retiring.put(replaced, old);
		Duration grace = this.properties.swapGrace();
		CompletableFuture.runAsync(() -> {
			old.close();
			this.retiring.remove(replaced, old);
			logger.info("Unloaded " + name + " version " + replaced.version() + " after a newer default replaced it");
		}, CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS));
	}

	// Frees the versions still draining when the registry stops.
	void closeRetiring() {
		this.retiring.values().forEach(LoadedModel::close);
		this.retiring.clear();
	}

}
