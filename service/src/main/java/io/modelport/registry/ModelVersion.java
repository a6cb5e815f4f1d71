package io.modelport.registry;

import java.time.Duration;
import java.time.Instant;

import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelDescriptor;

/**
 * The registry's record of one version: its state and, once READY, the loaded model. A
 * version moves LOADING → READY or LOADING → FAILED, and READY → UNLOADED when a
 * promotion replaces it; the fields are volatile because loader threads write them and
 * request threads read them.
 *
 * @author Modelport Team
 */
public final class ModelVersion {

	private final int version;

	private volatile ModelState state = ModelState.LOADING;

	private volatile String failureReason;

	private volatile ModelDescriptor descriptor;

	private volatile LoadedModel loaded;

	private volatile Instant loadedAt;

	private volatile Duration loadDuration;

	ModelVersion(int version) {
		this.version = version;
	}

	public int version() {
		return this.version;
	}

	public ModelState state() {
		return this.state;
	}

	public String failureReason() {
		return this.failureReason;
	}

	/**
	 * The parsed descriptor, {@code null} when parsing it failed.
	 * @return the descriptor
	 */
	public ModelDescriptor descriptor() {
		return this.descriptor;
	}

	LoadedModel loaded() {
		return this.loaded;
	}

	public Instant loadedAt() {
		return this.loadedAt;
	}

	public Duration loadDuration() {
		return this.loadDuration;
	}

	void describedBy(ModelDescriptor descriptor) {
		this.descriptor = descriptor;
	}

	void ready(LoadedModel loaded, Duration took) {
		this.loaded = loaded;
		this.loadDuration = took;
		this.loadedAt = Instant.now();
		this.state = ModelState.READY;
	}

	void failed(String reason, Duration took) {
		this.failureReason = reason;
		this.loadDuration = took;
		this.state = ModelState.FAILED;
	}

	void retry() {
		this.failureReason = null;
		this.state = ModelState.LOADING;
	}

	void unload() {
		LoadedModel current = this.loaded;
		this.loaded = null;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * Takes the version out of service: new requests see UNLOADED at once, while the ones
	 * already queued on the returned model still finish when it is closed.
	 * @return the model to close, {@code null} when none was loaded
	 */
	LoadedModel retire() {
		LoadedModel current = this.loaded;
		this.loaded = null;
		this.state = ModelState.UNLOADED;
		return current;
	}

}
