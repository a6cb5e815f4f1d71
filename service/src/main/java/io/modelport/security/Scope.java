package io.modelport.security;

import java.util.Locale;

/**
 * What an API key may do. Every endpoint needs one scope or none (public): see
 * {@link EndpointScopes}.
 *
 * @author Modelport Team
 */
public enum Scope {

	/** Inference and read-only model queries. */
	INFERENCE,

	/**
	 * Changing what is served: reload, promote, vector import and export, the gallery.
	 */
	MANAGEMENT,

	/** Data sets and training jobs. */
	TRAINING;

	/**
	 * The scope's name in keys files, properties and problem details.
	 * @return the lower-case name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a scope name.
	 * @param id the name, in any case
	 * @return the scope
	 * @throws IllegalArgumentException when the name is not a scope
	 */
	public static Scope fromId(String id) {
		for (Scope scope : values()) {
			if (scope.id().equalsIgnoreCase(id.trim())) {
				return scope;
			}
		}
		throw new IllegalArgumentException("unknown scope '" + id + "': use inference, management or training");
	}

}
