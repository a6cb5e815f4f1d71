/**
 * The model registry: which model versions exist, their load state, the default version,
 * readiness, and the management API.
 */
package io.modelport.registry;
