package io.modelport.registry;

/**
 * The lifecycle state of one model version.
 *
 * @author Modelport Team
 */
public enum ModelState {

	/** Found in the store, being verified, loaded and warmed up. */
	LOADING,

	/** Loaded and serving. */
	READY,

	/** Could not be loaded; the reason is kept. */
	FAILED

}
