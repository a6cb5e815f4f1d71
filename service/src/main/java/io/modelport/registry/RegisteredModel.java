package io.modelport.registry;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.modelport.store.ModelSettings;

/**
 * A model name with its versions. The default version is the one its {@code model.yaml}
 * names, otherwise the highest READY version, otherwise the highest version, so a newer
 * version that fails to load never displaces one that serves.
 *
 * @author Modelport Team
 */
public final class RegisteredModel {

	private final String name;

	private final NavigableMap<Integer, ModelVersion> versions = new ConcurrentSkipListMap<>();

	private volatile ModelSettings settings;

	private final boolean requiredByConfiguration;

	RegisteredModel(String name, ModelSettings settings, boolean requiredByConfiguration) {
		this.name = name;
		this.settings = settings;
		this.requiredByConfiguration = requiredByConfiguration;
	}

	public String name() {
		return this.name;
	}

	public ModelSettings settings() {
		return this.settings;
	}

	void settings(ModelSettings settings) {
		this.settings = settings;
	}

	/**
	 * Whether readiness waits for this model.
	 * @return {@code true} when marked required in {@code model.yaml} or configuration
	 */
	public boolean required() {
		return this.requiredByConfiguration || this.settings.required();
	}

	/**
	 * The versions, ascending.
	 * @return a snapshot of the versions
	 */
	public List<ModelVersion> versions() {
		return List.copyOf(this.versions.values());
	}

	NavigableMap<Integer, ModelVersion> versionMap() {
		return this.versions;
	}

	/**
	 * One version.
	 * @param version the version number
	 * @return the version, {@code null} when absent
	 */
	public ModelVersion version(int version) {
		return this.versions.get(version);
	}

	/**
	 * The version served when a request names none.
	 * @return the default version, {@code null} when the model has no versions
	 */
	public ModelVersion defaultVersion() {
		Integer pinned = this.settings.defaultVersion();
		if (pinned != null && this.versions.containsKey(pinned)) {
			return this.versions.get(pinned);
		}
		for (Map.Entry<Integer, ModelVersion> entry : this.versions.descendingMap().entrySet()) {
			if (entry.getValue().state() == ModelState.READY) {
				return entry.getValue();
			}
		}
		Map.Entry<Integer, ModelVersion> last = this.versions.lastEntry();
		return (last != null) ? last.getValue() : null;
	}

	/**
	 * Whether the default version serves.
	 * @return {@code true} when it is READY
	 */
	public boolean ready() {
		ModelVersion version = defaultVersion();
		return version != null && version.state() == ModelState.READY;
	}

}
