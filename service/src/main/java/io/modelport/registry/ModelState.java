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
	FAILED,

	/**
	 * Was serving, then replaced as the default by a promotion and unloaded to free its
	 * memory; promoting it again loads it again.
	 */
	UNLOADED

}
